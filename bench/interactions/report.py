"""Summarises the benchmark: percentiles from pgbench's per-transaction logs, and the table."""
import re
import sys


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def pgbench(case, seconds, logs):
    latencies = []
    for log in logs:
        with open(log) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 3 and fields[2].isdigit():
                    latencies.append(int(fields[2]))
    print(f"{case} sql requests={len(latencies)} duration_us={int(seconds) * 1_000_000} non2xx=0 "
          f"p50_us={percentile(latencies, 50)} p95_us={percentile(latencies, 95)} p99_us={percentile(latencies, 99)} "
          f"mean_us={sum(latencies) / len(latencies):.0f}")


def table(raw):
    rows = {}
    for line in open(raw):
        case, side, *pairs = line.split()
        rows.setdefault(case, {})[side] = {k: float(v) for k, v in (p.split("=") for p in pairs)}
    ms = lambda us: f"{us / 1000:.1f}"
    print("| case | API p50 ms | API p95 ms | API p99 ms | API req/s | errors | SQL p50 ms | SQL p95 ms | SQL p99 ms | SQL tx/s | API/SQL p50 | API/SQL p95 |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for case, sides in rows.items():
        api, sql = sides.get("api"), sides.get("sql")
        if not api or not sql:
            continue
        rate = lambda s: f"{s['requests'] / (s['duration_us'] / 1e6):.0f}"
        print(f"| {case} | {ms(api['p50_us'])} | {ms(api['p95_us'])} | {ms(api['p99_us'])} | {rate(api)} | {int(api['non2xx'])} "
              f"| {ms(sql['p50_us'])} | {ms(sql['p95_us'])} | {ms(sql['p99_us'])} | {rate(sql)} "
              f"| {api['p50_us'] / sql['p50_us']:.2f} | {api['p95_us'] / sql['p95_us']:.2f} |")


if __name__ == "__main__":
    if sys.argv[1] == "pgbench":
        pgbench(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        table(sys.argv[2])
