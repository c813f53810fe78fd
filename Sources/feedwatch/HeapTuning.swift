import Foundation

/// glibc's mallopt(3), looked up at run time: Swift's Glibc module does not
/// carry <malloc.h>. Without glibc (or the symbol) this does nothing.
enum HeapTuning {
    /// Allocations this big or bigger are served from the heap, not by mmap (M_MMAP_THRESHOLD).
    private static let mmapThreshold: Int32 = -3
    /// Free memory at the top of the heap is given back only beyond this (M_TRIM_THRESHOLD).
    private static let trimThreshold: Int32 = -1

    /// For batch work that allocates and frees document-sized buffers again and
    /// again: keep freed ones for reuse instead of mapping and faulting in fresh
    /// pages each time.
    static func keepFreedBuffers() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 256 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
    }
}
