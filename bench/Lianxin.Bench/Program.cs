using System.Globalization;
using Lianxin.Bench;

// Benchmarks live here, not in the tests: timings on a shared machine make flaky assertions, and a
// figure is only worth something next to a baseline measured in the same run.
const string Usage = """
    usage: lianxin-bench lookup [options]
           lianxin-bench disputes [options]
           lianxin-bench incidents-import [options]
           lianxin-bench incidents-stats [options]
           lianxin-bench incidents-repeat [options]
           lianxin-bench activities [options]

    activities: the volunteer's activity list, their hours and the staff activity ledger with --volunteers N
    (default 10000) and --per-month N activities (default 1000) over a year (nine months back, three ahead)
    with sign-ups and credits, against a primary-key lookup of one activity; --iterations N (default 200),
    --warmup N (default 20), --data DIR and --pg "CONNSTRING" as below.
           lianxin-bench volunteer-figures [options]
           lianxin-bench circuits --pid N --password P [--url U] [--user leader] [--path /disputes] [--circuits 100]

    circuits: memory per open console tab (one Blazor circuit each) on a running node, read from its process's VmRSS
    before and after opening --circuits tabs of --path in a headless Chromium (LIANXIN_CHROMIUM or --chromium);
    bench/ledgers.sh --circuits N starts a node and runs it.

    incidents-import: generates a CSV of --rows N incidents (default 1000000, kept in --data DIR) and loads it,
    side by side, with PostgreSQL's COPY FROM STDIN into a bare and a keyed table and with the import (--pg
    "CONNSTRING" or LIANXIN_BENCH_PG; databases lianxin_bench_copy and lianxin_bench_import are recreated), then
    with the sqlite3 shell's .import (--sqlite3 PATH, default /usr/bin/sqlite3) likewise and with the import into a
    fresh SQLite file. The import runs with the app's placement, statistics and repeat check unless
    --without-intake is given.

    incidents-stats: a year's incident statistics for the whole county from the daily and monthly tallies
    against plain GROUP BY queries over the raw rows, with --incidents N (default 5000000) spread over two
    years, --residents N (default 2000), --iterations N (default 20), --direct-iterations N (default 3),
    --data DIR and --pg "CONNSTRING" as below.

    incidents-repeat: the repeat check for one new incident, and per incident for a chunk of 2,000, against a primary-key lookup, with
    --incidents N stored (default 5000000; loaded once through the bulk writer and kept), --iterations N
    (default 2000), --warmup N (default 200), --data DIR and --pg "CONNSTRING" as below.

    volunteer-figures: the volunteer figures and yearly ranking for the whole county at --baseline N (default 1000)
    and --volunteers N (default 10000) volunteers with a year of credits each, --iterations N (default 10), --data DIR
    and --pg "CONNSTRING" as below.

    disputes: the dispute ledger and figures at --disputes N (default 100000) against --baseline N
    (default 1000), with --residents N (default 2000), --iterations N (default 50), --warmup N (default 5),
    --data DIR and --pg "CONNSTRING" (or the LIANXIN_BENCH_PG environment variable) as below.

    lookup:

      --residents N        residents in the prepared database (default 1000000)
      --data DIR           where the prepared SQLite database is kept (default bench/.data)
      --pg "CONNSTRING"    run against PostgreSQL instead; the database lianxin_bench is created there
      --iterations N       measured lookups per query (default 3000)
      --warmup N           unmeasured lookups per query before measuring (default 300)
      --scan-iterations N  measured lookups of the no-index contrast (default 100)
      --seed N             seed for choosing which residents to look up (default 7)
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}
if (args[0] == "circuits")
    return await CircuitMemoryBenchmark.RunAsync(args);
if (args[0] == "activities")
{
    ActivityBenchOptions activityOptions;
    try
    {
        activityOptions = ActivityBenchOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await ActivityBenchmark.RunAsync(activityOptions);
    return 0;
}
if (args[0] == "disputes")
{
    DisputeOptions disputeOptions;
    try
    {
        disputeOptions = DisputeOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await DisputeBenchmark.RunAsync(disputeOptions);
    return 0;
}
if (args[0] == "incidents-import")
{
    ImportBenchOptions importOptions;
    try
    {
        importOptions = ImportBenchOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await IncidentImportBenchmark.RunAsync(importOptions);
    return 0;
}
if (args[0] == "incidents-stats")
{
    IncidentStatsOptions statsOptions;
    try
    {
        statsOptions = IncidentStatsOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await IncidentStatsBenchmark.RunAsync(statsOptions);
    return 0;
}
if (args[0] == "incidents-repeat")
{
    IncidentRepeatOptions repeatOptions;
    try
    {
        repeatOptions = IncidentRepeatOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await IncidentRepeatBenchmark.RunAsync(repeatOptions);
    return 0;
}
if (args[0] == "volunteer-figures")
{
    VolunteerFiguresOptions volunteerOptions;
    try
    {
        volunteerOptions = VolunteerFiguresOptions.Parse(args.AsSpan(1));
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine(Usage);
        return 1;
    }
    CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
    CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    await VolunteerFiguresBenchmark.RunAsync(volunteerOptions);
    return 0;
}
if (args[0] != "lookup")
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
    Console.Error.WriteLine(Usage);
    return 1;
}

LookupOptions options;
try
{
    options = LookupOptions.Parse(args.AsSpan(1));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 1;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
await LookupBenchmark.RunAsync(options);
return 0;
