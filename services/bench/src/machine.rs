//! The machine a run happened on, and what a process costs, both read from
//! /proc: memory from `/proc/<pid>/status` (VmRSS, VmHWM), CPU time from
//! `/proc/<pid>/stat` (utime + stime, in clock ticks).

use std::time::Duration;

use anyhow::Context as _;

/// Cores, memory and CPU model of this machine.
#[derive(Debug, Clone)]
pub struct Machine {
    pub cores: usize,
    pub memory_gib: f64,
    pub cpu_model: String,
    pub kernel: String,
}

impl Machine {
    pub fn probe() -> Machine {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory_kib = status_field(&meminfo, "MemTotal:").unwrap_or(0);
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name"))
            .and_then(|rest| rest.split_once(':'))
            .map_or_else(
                || "unknown".to_owned(),
                |(_, model)| model.trim().to_owned(),
            );
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map_or_else(|_| "unknown".to_owned(), |text| text.trim().to_owned());
        Machine {
            cores,
            memory_gib: memory_kib as f64 / 1024.0 / 1024.0,
            cpu_model,
            kernel,
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{} cores ({}), {:.1} GiB memory (/proc/meminfo MemTotal), Linux {}",
            self.cores, self.cpu_model, self.memory_gib, self.kernel
        )
    }
}

/// The 1-minute load average (/proc/loadavg): other work on the machine
/// (a build, another run) shows here and skews every figure.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| {
            text.split_whitespace()
                .next()
                .and_then(|load| load.parse().ok())
        })
        .unwrap_or(0.0)
}

/// A `kB` field such as `VmRSS:   12345 kB` from a /proc status-style text.
fn status_field(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|number| number.parse().ok())
}

/// Resident memory of `pid` now and at its peak, in MiB.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub rss_mib: f64,
    pub peak_mib: f64,
}

pub fn memory(pid: u32) -> anyhow::Result<Memory> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    let rss = status_field(&status, "VmRSS:").context("no VmRSS")?;
    let peak = status_field(&status, "VmHWM:").unwrap_or(rss);
    Ok(Memory {
        rss_mib: rss as f64 / 1024.0,
        peak_mib: peak as f64 / 1024.0,
    })
}

/// CPU time `pid` has used so far (user + system).
pub fn cpu_time(pid: u32) -> anyhow::Result<Duration> {
    let path = format!("/proc/{pid}/stat");
    let stat = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    let ticks = parse_cpu_ticks(&stat).with_context(|| format!("unexpected {path}: {stat}"))?;
    Ok(Duration::from_secs_f64(
        ticks as f64 / clock_ticks_per_second() as f64,
    ))
}

/// utime + stime: fields 14 and 15, counted after the `(comm)` field that may hold spaces.
fn parse_cpu_ticks(stat: &str) -> Option<u64> {
    let (_, after_comm) = stat.rsplit_once(')')?;
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// Busy and total CPU time of the whole machine so far (/proc/stat `cpu`
/// line, all cores summed; idle and iowait count as not busy).
fn machine_ticks() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().find(|line| line.starts_with("cpu "))?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|n| n.parse().ok())
        .collect();
    let total: u64 = ticks.iter().take(8).sum();
    let idle = ticks.get(3)? + ticks.get(4).unwrap_or(&0);
    Some((total - idle, total))
}

/// Where CPU time went over a window: the machine as a whole and named processes.
pub struct CpuWindow {
    started: std::time::Instant,
    machine: (u64, u64),
    processes: Vec<(String, u32, Duration)>,
    postgres: Vec<u32>,
    postgres_before: Duration,
}

impl CpuWindow {
    /// Starts a window watching `processes` (name, pid), and every process
    /// named `postgres` (all PostgreSQL servers on the machine, summed).
    pub fn start(processes: &[(&str, u32)]) -> anyhow::Result<CpuWindow> {
        let processes = processes
            .iter()
            .map(|(name, pid)| Ok(((*name).to_owned(), *pid, cpu_time(*pid)?)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let postgres = postgres_pids();
        let postgres_before = postgres.iter().filter_map(|pid| cpu_time(*pid).ok()).sum();
        Ok(CpuWindow {
            started: std::time::Instant::now(),
            machine: machine_ticks().unwrap_or((0, 0)),
            processes,
            postgres,
            postgres_before,
        })
    }

    /// CPU time each watched process used since the start.
    pub fn used(&self, name: &str) -> Option<Duration> {
        let (_, pid, before) = self.processes.iter().find(|(known, _, _)| known == name)?;
        Some(cpu_time(*pid).ok()?.saturating_sub(*before))
    }

    /// `machine 190 % busy of 200 %; controller 80 %, bench 60 %` over the window.
    pub fn describe(&self) -> String {
        let wall = self.started.elapsed().as_secs_f64().max(1e-9);
        let (busy_before, total_before) = self.machine;
        let (busy, total) = machine_ticks().unwrap_or((busy_before, total_before));
        let cores = std::thread::available_parallelism().map_or(1, usize::from) as f64;
        let share = (busy - busy_before) as f64 / ((total - total_before) as f64).max(1.0);
        let mut parts = vec![format!(
            "machine {:.0} % busy of {:.0} %",
            share * cores * 100.0,
            cores * 100.0
        )];
        for (name, _, _) in &self.processes {
            if let Some(used) = self.used(name) {
                parts.push(format!("{name} {:.0} %", 100.0 * used.as_secs_f64() / wall));
            }
        }
        // Backends that ended during the window are not counted.
        let postgres: Duration = self
            .postgres
            .iter()
            .filter_map(|pid| cpu_time(*pid).ok())
            .sum();
        let postgres = postgres.saturating_sub(self.postgres_before);
        parts.push(format!(
            "PostgreSQL {:.0} %",
            100.0 * postgres.as_secs_f64() / wall
        ));
        parts.join(", ")
    }
}

/// Every process whose command name is `postgres`.
fn postgres_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == "postgres")
        })
        .collect()
}

/// `getconf CLK_TCK`, or Linux's usual 100 when getconf is missing.
fn clock_ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|output| String::from_utf8_lossy(&output.stdout).trim().parse().ok())
        .filter(|&ticks| ticks > 0)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_ticks_are_read_after_a_command_name_with_spaces_and_parens() {
        let stat = "4242 (tokio (worker) x) S 1 2 3 4 5 6 7 8 9 10 250 50 0 0 20 0 4 0 100";
        assert_eq!(parse_cpu_ticks(stat), Some(300));
        assert_eq!(parse_cpu_ticks("garbage"), None);
    }

    #[test]
    fn our_own_process_has_memory_and_cpu_time() -> anyhow::Result<()> {
        let pid = std::process::id();
        let memory = memory(pid)?;
        assert!(memory.rss_mib > 0.0 && memory.peak_mib >= memory.rss_mib);
        // The test itself burnt some CPU, so the reading can not go backwards.
        let first = cpu_time(pid)?;
        let mut spin = 0u64;
        for n in 0..2_000_000u64 {
            spin = spin.wrapping_add(n * n);
        }
        assert!(spin > 0);
        assert!(cpu_time(pid)? >= first);
        assert!(Machine::probe().cores >= 1);
        Ok(())
    }
}
