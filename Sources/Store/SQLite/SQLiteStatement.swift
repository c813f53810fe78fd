import Foundation
internal import CSQLite

/// SQLITE_TRANSIENT: SQLite copies bound text before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value bound to a `?` parameter.
enum SQLiteValue {
    case text(String?)
    case int(Int)
    case real(Double)
}

/// Owns one prepared statement, finalized in deinit.
final class SQLiteStatement {
    private let statement: OpaquePointer
    /// Unowned: the database owns its statements and outlives them.
    private unowned let database: SQLiteDatabase
    private let sql: String

    init(statement: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    /// Binds the parameters in order and runs the statement to completion.
    func run(_ values: SQLiteValue...) throws(StoreError) {
        try bind(values)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw .query(sql: sql, message: database.errorMessage) }
        sqlite3_reset(statement)
    }

    /// Binds the parameters and calls `row` for each result row.
    func query(_ values: SQLiteValue..., row: (SQLiteRow) -> Void) throws(StoreError) {
        try bind(values)
        defer { sqlite3_reset(statement) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw .query(sql: sql, message: database.errorMessage) }
            row(SQLiteRow(statement: statement))
        }
    }

    private func bind(_ values: [SQLiteValue]) throws(StoreError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case let .text(text?): code = sqlite3_bind_text(statement, index, text, -1, transient)
            case .text(nil): code = sqlite3_bind_null(statement, index)
            case let .int(number): code = sqlite3_bind_int64(statement, index, Int64(number))
            case let .real(number): code = sqlite3_bind_double(statement, index, number)
            }
            guard code == SQLITE_OK else { throw .query(sql: sql, message: database.errorMessage) }
        }
    }
}

/// A result row, readable only inside the `query` callback.
struct SQLiteRow {
    fileprivate let statement: OpaquePointer

    func text(_ column: Int32) -> String? {
        sqlite3_column_text(statement, column).map { String(cString: $0) }
    }
    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    func real(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
}
