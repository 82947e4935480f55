import Foundation

/// CPU time and resident memory of a process, read from Linux's /proc (proc(5)): `utime` + `stime`
/// of /proc/PID/stat in clock ticks, and `VmRSS` of /proc/PID/status.
struct ProcessSample: Sendable {
    /// User + system CPU time so far, in microseconds.
    let cpuMicroseconds: UInt64
    /// Resident set size, in bytes.
    let residentBytes: UInt64
    /// When it was read, monotonic nanoseconds.
    let takenNanoseconds: UInt64

    /// Reads process `pid`; `nil` when it does not exist (any more) or /proc reads fail.
    static func read(pid: Int32) -> ProcessSample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        else { return nil }
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are
        // state (3), …, utime (14), stime (15).
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        let ticks = UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
            .flatMap { UInt64($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") } ?? 0
        return ProcessSample(
            cpuMicroseconds: (user + system) * 1_000_000 / ticks, residentBytes: rss * 1024,
            takenNanoseconds: DispatchTime.now().uptimeNanoseconds)
    }

    /// This process's own CPU time so far (getrusage), for telling when the load generator itself
    /// is the bottleneck.
    static func ownCPUMicroseconds() -> UInt64 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = UInt64(usage.ru_utime.tv_sec) * 1_000_000 + UInt64(usage.ru_utime.tv_usec)
        let system = UInt64(usage.ru_stime.tv_sec) * 1_000_000 + UInt64(usage.ru_stime.tv_usec)
        return user + system
    }

    /// CPU used between `earlier` and `self`, in percent of one core.
    func cpuPercent(since earlier: ProcessSample) -> Double {
        let wall = Double(takenNanoseconds &- earlier.takenNanoseconds) / 1_000
        guard wall > 0 else { return 0 }
        return Double(cpuMicroseconds &- earlier.cpuMicroseconds) / wall * 100
    }
}
