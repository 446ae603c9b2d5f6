package id.mpp.tracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where the CPU goes while a scenario runs: this harness (the load generator shares the machine with the system
 * it loads), the system's JVM, its PostgreSQL, and the machine as a whole. Read from /proc, so only on Linux; elsewhere
 * only the harness's own share is known.
 */
final class Cpu {

    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU seconds spent so far by each, and the machine's busy and total seconds over all cores. */
    record Sample(long nanos, double client, double system, double postgres, double machineBusy, double machineTotal) {

        Usage since(Sample start) {
            double seconds = (nanos - start.nanos) / 1e9;
            double machine = machineTotal - start.machineTotal;
            return new Usage(seconds, (client - start.client) / seconds, (system - start.system) / seconds,
                    (postgres - start.postgres) / seconds,
                    machine > 0 ? (machineBusy - start.machineBusy) / machine : Double.NaN, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Cores used on average (1.0 = one core busy all the time), and the machine's busy share (0–1). */
    record Usage(double seconds, double clientCores, double systemCores, double postgresCores, double machineBusyShare,
                 int cores) {
    }

    private final OptionalLong systemPid;
    private final java.util.function.LongSupplier postmasterPid;

    Cpu(OptionalLong systemPid, java.util.function.LongSupplier postmasterPid) {
        this.systemPid = systemPid;
        this.postmasterPid = postmasterPid;
    }

    Sample sample() {
        double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double system = systemPid.isPresent() ? processSeconds(systemPid.getAsLong(), false) : 0;
        long postmaster = postmasterPid.getAsLong();
        double postgres = postmaster > 0 ? processSeconds(postmaster, true) + childrenSeconds(postmaster) : 0;
        double[] machine = machine();
        return new Sample(System.nanoTime(), client, system, postgres, machine[0], machine[1]);
    }

    /** utime + stime (and, with {@code reaped}, what its exited children spent). */
    private static double processSeconds(long pid, boolean reaped) {
        List<String> fields = statFields(pid);
        if (fields.isEmpty()) {
            return 0;
        }
        // fields after the command name: state is index 0, utime 11, stime 12, cutime 13, cstime 14
        double ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        if (reaped) {
            ticks += Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static double childrenSeconds(long parent) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> {
                        List<String> fields = statFields(pid);
                        return !fields.isEmpty() && Long.parseLong(fields.get(1)) == parent;
                    })
                    .mapToDouble(pid -> processSeconds(pid, false)).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static double[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            double idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new double[]{(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException e) {
            return new double[]{0, 0};
        }
    }
}
