using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Tests.Incidents;

public sealed class RepeatBatchSqliteTests(SqliteApp app) : RepeatBatchTests(app), IClassFixture<SqliteApp>;

public sealed class RepeatBatchPostgresTests(PostgresApp app) : RepeatBatchTests(app), IClassFixture<PostgresApp>;

/// <summary>The repeat check over a whole intake at once gives the clusters that taking the same incidents one by
/// one gives, and a large intake tells each officer once.</summary>
public abstract class RepeatBatchTests(AppFixture app)
{
    /// <summary>One incident of a scenario: which address and caller (indexes into the run's own lists), when, and the
    /// person it names, if any (person i has the phone of caller i, and an ID number when i is even).</summary>
    private sealed record Call(int Address, int? Phone, DateTimeOffset At, bool Invalid, int? Party = null);

    private static readonly string[] PartyNames = ["张建国", "刘秀英", "王海", "李娜"];

    private static int _seq;

    private static string Unique(string text) => $"{text}{Interlocked.Increment(ref _seq)}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A random scenario: a few addresses and callers, some used often and some seldom, some calls
    /// without a phone and some invalid, spread over 90 days (whole seconds, as both databases keep them); with
    /// <paramref name="parties"/>, most calls name one of a few people, who call themselves too.</summary>
    private static List<Call> Scenario(int seed, int count, bool parties = false)
    {
        var random = new Random(seed);
        var end = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var weights = new[] { 6, 4, 2, 1, 1, 1 }; // addresses: two busy, one now and then, three rare
        int Pick(int[] w)
        {
            var n = random.Next(w.Sum());
            for (var i = 0; i < w.Length; i++)
                if ((n -= w[i]) < 0)
                    return i;
            return w.Length - 1;
        }
        return Enumerable
            .Range(0, count)
            .Select(_ => new Call(
                Pick(weights),
                random.Next(4) == 0 ? null : Pick([5, 3, 1, 1]),
                end.AddSeconds(-random.Next(90 * 24 * 3600)),
                random.Next(8) == 0,
                parties && random.Next(3) != 0 ? Pick([4, 3, 2, 1]) : null
            ))
            .OrderBy(c => c.At)
            .ToList();
    }

    private sealed record Run(List<Call> Calls, List<Incident> Incidents, string[] Addresses);

    /// <summary>Takes the scenario in with its own addresses and callers, in intakes of <paramref name="chunk"/>
    /// incidents (in time order, as a file is), each saved and checked in one transaction. The calls at the positions
    /// <paramref name="stored"/> picks are taken first, one by one, so the rest find incidents and open groups in the
    /// database (before and after them in time, as when calls entered by hand come again in a file). With
    /// <paramref name="file"/> the rest are one intake in parts of <paramref name="chunk"/> (as a file import hands
    /// them, tagged with an import batch), checked when its last part is in.</summary>
    private async Task<Run> TakeInAsync(
        List<Call> calls,
        int chunk,
        RepeatOptions rule,
        bool bulk = false,
        bool file = false,
        Func<int, bool>? stored = null
    )
    {
        var estate = Unique("比对花园");
        var addresses = Enumerable.Range(1, 6).Select(i => $"{estate}{i}号楼1单元{i}01").ToArray();
        var phones = Enumerable.Range(0, 4).Select(_ => $"13{Random.Shared.Next(100_000_000, 999_999_999)}").ToArray();
        var idNumbers = Enumerable.Range(0, 4).Select(i => i % 2 == 0 ? NewIdNumber() : null).ToArray();
        var incidents = new Incident[calls.Count];
        var first = Enumerable.Range(0, calls.Count).Where(n => stored?.Invoke(n) == true).ToList();
        var rest = Enumerable.Range(0, calls.Count).Where(n => stored?.Invoke(n) != true).ToList();
        void Keep(IEnumerable<int> positions, List<Incident> taken)
        {
            foreach (var (n, incident) in positions.Zip(taken))
                incidents[n] = incident;
        }
        List<Incident> Make(IServiceProvider sp, IEnumerable<Call> part, Guid? batch = null)
        {
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var normalizer = sp.GetRequiredService<AddressNormalizer>();
            return part.Select(c =>
                {
                    var i = Incident.Receive(
                        new IncidentReport
                        {
                            Number = Unique("B110-"),
                            ReceivedAt = c.At,
                            CategoryCode = "dispute",
                            Address = addresses[c.Address],
                            AddressKey = normalizer.Normalize(addresses[c.Address]),
                            Summary = "比对",
                            HandlingUnitId = app.World.Stations[0].Id,
                            Validity = c.Invalid ? IncidentValidity.Invalid : IncidentValidity.Valid,
                            Source = batch is null ? IncidentSource.Api : IncidentSource.Import,
                            ImportBatchId = batch,
                            CallerPhone = protector.Protect(c.Phone is { } p ? phones[p] : null, PhoneNumber.Mask),
                        }
                    );
                    i.Place(app.World.Villages[0].Id, PlacementMethod.Address);
                    if (c.Party is { } who)
                    {
                        var party = new IncidentParty
                        {
                            IncidentId = i.Id,
                            ReceivedAt = i.ReceivedAt,
                            Name = protector.Protect(PartyNames[who], PersonName.Mask),
                            IdNumber = protector.Protect(idNumbers[who], CitizenId.Mask),
                            Phone = protector.Protect(phones[who], PhoneNumber.Mask),
                        };
                        party.Key();
                        i.Parties.Add(party);
                    }
                    return i;
                })
                .ToList();
        }
        foreach (var part in first.Chunk(1).Concat(file ? [] : rest.Chunk(chunk)))
            Keep(
                part,
                await app.Factory.WithScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<LianxinDbContext>();
                    var list = Make(sp, part.Select(n => calls[n]));
                    await using var tx = await db.Database.BeginTransactionAsync();
                    db.Incidents.AddRange(list);
                    await db.SaveChangesAsync();
                    await new RepeatCheck(
                        sp.GetRequiredService<NotificationService>(),
                        Options.Create(rule),
                        bulk ? sp.GetRequiredService<IBulkWriter>() : null
                    ).OnAddedAsync(db, list, CancellationToken.None);
                    await db.SaveChangesAsync();
                    await tx.CommitAsync();
                    return list;
                })
            );
        if (file)
            Keep(
                rest,
                await app.Factory.WithScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<LianxinDbContext>();
                    var batch = IncidentImport.Start(
                        Unique("比对") + ".csv",
                        1,
                        Unique("sha"),
                        ImportFileFormat.Csv,
                        "UTF-8",
                        app.World.UserIds["officer1"],
                        "officer1",
                        app.World.Stations[0].Id,
                        DateTimeOffset.UtcNow
                    );
                    db.Add(batch);
                    await db.SaveChangesAsync();
                    var check = new RepeatCheck(
                        sp.GetRequiredService<NotificationService>(),
                        Options.Create(rule),
                        bulk ? sp.GetRequiredService<IBulkWriter>() : null
                    );
                    var all = new List<Incident>();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    foreach (var part in rest.Chunk(chunk))
                    {
                        var list = Make(sp, part.Select(n => calls[n]), batch.Id);
                        // As the import: what the check can tell before the part is written is written with it.
                        check.OnPartWriting(db, list);
                        db.Incidents.AddRange(list);
                        await db.SaveChangesAsync();
                        // As the import hands them: stored rows, not tracked.
                        db.ChangeTracker.Clear();
                        await check.OnPartAddedAsync(db, list, CancellationToken.None);
                        all.AddRange(list);
                    }
                    await check.OnPartsFinishedAsync(db, CancellationToken.None);
                    await db.SaveChangesAsync();
                    await tx.CommitAsync();
                    return all;
                })
            );
        return new Run(calls, [.. incidents], addresses);
    }

    /// <summary>The run's clusters and flags written with scenario positions in place of its own ids and keys, so
    /// runs over different addresses and callers compare.</summary>
    private async Task<List<string>> ShapeAsync(Run run)
    {
        var position = run.Incidents.Select((i, n) => (i.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var keyOf = new Dictionary<(RepeatClusterKind, string), string>();
        foreach (var (incident, call) in run.Incidents.Zip(run.Calls))
        {
            keyOf.TryAdd((RepeatClusterKind.Address, incident.AddressKey!), $"address{call.Address}");
            if (incident.CallerPhoneHash is { } h)
                keyOf.TryAdd((RepeatClusterKind.Phone, h), $"phone{call.Phone}");
            foreach (var party in incident.Parties)
                keyOf.TryAdd((RepeatClusterKind.Party, party.PersonKey!), $"person{call.Party}");
        }
        var ids = position.Keys.ToList();
        return await app.Factory.WithDbAsync(async db =>
        {
            var clusters = await db
                .RepeatClusters.AsNoTracking()
                .Include(c => c.Members)
                .Include(c => c.Keys)
                .Where(c => c.Members.Any(m => ids.Contains(m.IncidentId)))
                .ToListAsync();
            var flags = await db
                .Incidents.AsNoTracking()
                .Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.FlaggedRepeat })
                .ToListAsync();
            var shape = clusters
                .Select(c =>
                {
                    var label = c.Kind switch
                    {
                        RepeatClusterKind.Address => Array.IndexOf(run.Addresses, c.Label).ToString(),
                        RepeatClusterKind.Party => c.Label,
                        _ => "phone",
                    };
                    return $"{c.Kind} {keyOf[(c.Kind, c.Key)]} [{string.Join(",", c.Members.Select(m => position[m.IncidentId]).Order())}] "
                        + $"{c.FirstAt.ToUnixTimeSeconds()}-{c.LastAt.ToUnixTimeSeconds()} "
                        + $"n={c.IncidentCount} focus={c.OnFocusList}/{c.FocusStatus} "
                        + $"label={label} org={c.OrgUnitId}";
                })
                .ToList();
            // Every key that joined a group and the incident that brought it; every member and the key it joined by.
            string Key(RepeatClusterKind? kind, string? key) =>
                kind is { } k && key is not null ? $"{k} {keyOf.GetValueOrDefault((k, key), "?")}" : "none";
            foreach (var c in clusters)
            {
                var at = c.Members.Select(m => position[m.IncidentId]).Min();
                shape.AddRange(c.Keys.Select(k => $"key of {at}: {Key(k.Kind, k.Key)} by {position.GetValueOrDefault(k.IncidentId, -1)}"));
                shape.AddRange(c.Members.Select(m => $"member {position[m.IncidentId]} of {at} by {Key(m.JoinedKind, m.JoinedKey)}"));
            }
            shape.Sort(StringComparer.Ordinal);
            shape.Add("flagged " + string.Join(",", flags.Where(f => f.FlaggedRepeat).Select(f => position[f.Id]).Order()));
            return shape;
        });
    }

    public static TheoryData<int, int, int> Rules => new() { { 2, 30, 11 }, { 3, 10, 23 } };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task One_by_one_one_chunk_and_several_chunks_give_the_same_clusters(int minCount, int windowDays, int seed)
    {
        var rule = new RepeatOptions { RepeatMinCount = minCount, RepeatWindowDays = windowDays };
        var calls = Scenario(seed, 70);
        var single = await ShapeAsync(await TakeInAsync(calls, 1, rule));
        var whole = await ShapeAsync(await TakeInAsync(calls, calls.Count, rule));
        var parts = await ShapeAsync(await TakeInAsync(calls, 9, rule));

        // The scenario is meant to exercise the rule: several keys joined groups, some keys more than once over the 90 days.
        Assert.True(single.Count(l => l.StartsWith("key ", StringComparison.Ordinal)) > 4, string.Join("\n", single));
        Assert.Equal(single, whole);
        Assert.Equal(single, parts);
    }

    private static string NewIdNumber()
    {
        var body =
            $"110105{Random.Shared.Next(1950, 2005)}0{Random.Shared.Next(1, 10)}"
            + $"1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 1000)}";
        return body + CitizenId.ComputeCheckChar(body);
    }

    public static TheoryData<int, int, int> PartyRules => new() { { 2, 30, 5 }, { 3, 10, 17 } };

    /// <summary>People named in calls and calling themselves: a call from a phone a person was named with before joins
    /// that person's cluster, and taking the calls one by one, in one chunk or in several gives the same clusters.</summary>
    [Theory]
    [MemberData(nameof(PartyRules))]
    public async Task Callers_named_before_as_parties_join_their_clusters_alike_one_by_one_and_in_chunks(
        int minCount,
        int windowDays,
        int seed
    )
    {
        var rule = new RepeatOptions { RepeatMinCount = minCount, RepeatWindowDays = windowDays };
        var calls = Scenario(seed, 70, parties: true);
        var single = await ShapeAsync(await TakeInAsync(calls, 1, rule));
        var whole = await ShapeAsync(await TakeInAsync(calls, calls.Count, rule));
        var parts = await ShapeAsync(await TakeInAsync(calls, 9, rule));

        Assert.Equal(single, whole);
        Assert.Equal(single, parts);
        // The people's keys joined the groups as the calls brought them (a call from a phone a person was named with
        // joining by that person's key is shown on its own in IncidentPartyTests).
        Assert.True(single.Count(l => l.Contains(": Party person", StringComparison.Ordinal)) > 1, string.Join("\n", single));
    }

    [Fact]
    public async Task Large_intakes_written_in_bulk_give_the_clusters_of_one_by_one()
    {
        var rule = new RepeatOptions();
        var calls = Scenario(37, 2 * RepeatCheck.BulkWriteAbove + 40);
        var single = await ShapeAsync(await TakeInAsync(calls, 1, rule));
        var whole = await ShapeAsync(await TakeInAsync(calls, calls.Count, rule, bulk: true));
        // Two parts above the threshold: the second extends clusters the first wrote in bulk.
        var parts = await ShapeAsync(await TakeInAsync(calls, RepeatCheck.BulkWriteAbove + 20, rule, bulk: true));

        Assert.True(single.Count(l => l.StartsWith("key ", StringComparison.Ordinal)) > 4, string.Join("\n", single));
        Assert.Equal(single, whole);
        Assert.Equal(single, parts);
    }

    /// <summary>The party scenario with calls on the window's edges: for every fifth call another from the same flat, phone
    /// and person exactly the window later (the first still counts), and for every seventh a second after that (it no
    /// longer does); none later than now.</summary>
    private static List<Call> EdgeScenario(int seed, int count, int windowDays)
    {
        var calls = Scenario(seed, count, parties: true);
        var window = TimeSpan.FromDays(windowDays);
        var now = DateTimeOffset.UtcNow;
        return calls
            .Concat(calls.Where((_, n) => n % 5 == 0).Select(c => c with { At = c.At + window, Invalid = false }))
            .Concat(calls.Where((_, n) => n % 7 == 3).Select(c => c with { At = c.At + window + TimeSpan.FromSeconds(1), Invalid = false }))
            .Where(c => c.At <= now)
            .OrderBy(c => c.At)
            .ToList();
    }

    public static TheoryData<int, int, int, bool> BlockRules =>
        new()
        {
            { 2, 30, 41, false },
            { 3, 10, 43, false },
            { 2, 30, 47, true },
        };

    /// <summary>A file's incidents checked at once by the block path (one read by time of the earlier incidents and of the
    /// open groups, the file's own from memory) flag the same incidents and build the same groups, with the same members
    /// and keys, as taking every call one by one; so does the path by key over the same parts. A third of the calls, spread
    /// over the file's span, are in the database before the file (some in groups already); addresses, phones and people
    /// overlap, and calls fall on the window's edges. With <paramref name="large"/> the file is past the bulk threshold:
    /// groups' members are read as rows and what is new is written in bulk.</summary>
    [Theory]
    [MemberData(nameof(BlockRules))]
    public async Task The_block_path_flags_and_groups_as_one_by_one(int minCount, int windowDays, int seed, bool large)
    {
        RepeatOptions Rule(int blockAbove) =>
            new()
            {
                RepeatMinCount = minCount,
                RepeatWindowDays = windowDays,
                RepeatBlockAbove = blockAbove,
            };
        var calls = EdgeScenario(seed, large ? 2 * RepeatCheck.BulkWriteAbove + 40 : 80, windowDays);
        bool Stored(int n) => n % 3 == 1;
        var single = await ShapeAsync(await TakeInAsync(calls, 1, Rule(0), stored: Stored));
        var block = await ShapeAsync(await TakeInAsync(calls, 13, Rule(0), bulk: large, file: true, stored: Stored));
        var byKey = await ShapeAsync(await TakeInAsync(calls, 13, Rule(int.MaxValue), bulk: large, file: true, stored: Stored));

        // The scenario exercises what it is meant to: people's keys joined groups, and groups of the file hold incidents
        // stored before it.
        Assert.True(single.Count(l => l.Contains(": Party person", StringComparison.Ordinal)) > 1, string.Join("\n", single));
        var members = single
            .Where(l => l.Contains(" [", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('[') + 1)..l.IndexOf(']')].Split(',').Select(int.Parse).ToList())
            .ToList();
        Assert.Contains(members, m => m.Any(Stored) && !m.All(Stored));
        Assert.Equal(single, block);
        Assert.Equal(single, byKey);
    }

    /// <summary>The repeated-incident messages the user got that are not among <paramref name="known"/>.</summary>
    private Task<List<Notification>> NotesAsync(string user, HashSet<Guid>? known = null) =>
        app.Factory.WithDbAsync(async db =>
        {
            var id = app.World.UserIds[user];
            var all = await db.Notifications.AsNoTracking().Where(n => n.UserId == id && n.Title.Contains("重复警情")).ToListAsync();
            return all.Where(n => known is null || !known.Contains(n.Id)).ToList();
        });

    private async Task<HashSet<Guid>> KnownAsync(string user) => (await NotesAsync(user)).Select(n => n.Id).ToHashSet();

    [Fact]
    public async Task A_large_intake_tells_each_officer_once_and_a_small_one_per_incident()
    {
        var known1 = await KnownAsync("officer1");
        var known2 = await KnownAsync("officer2");
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var rule = new RepeatOptions { RepeatDigestAbove = 5 };

        // Seven calls from one flat in one intake: all seven are flagged, more than five, so one summary each.
        var big = Enumerable.Range(0, 7).Select(i => new Call(0, null, now.AddHours(-i), false)).OrderBy(c => c.At).ToList();
        await TakeInAsync(big, big.Count, rule);
        var officer1 = await NotesAsync("officer1", known1);
        var digest = Assert.Single(officer1);
        Assert.Contains("汇总", digest.Title);
        Assert.Contains("7 起", digest.Body);
        Assert.Contains("1 组", digest.Body);
        Assert.Equal("/incidents/clusters", digest.Link);
        Assert.Empty(await NotesAsync("officer2", known2)); // the other station's officer has no place in it

        // Three calls from another flat: at most five flagged, so a message per incident that joined (the 2nd and 3rd).
        known1 = await KnownAsync("officer1");
        var small = Enumerable.Range(0, 3).Select(i => new Call(1, null, now.AddHours(-i), false)).OrderBy(c => c.At).ToList();
        await TakeInAsync(small, small.Count, rule);
        var each = await NotesAsync("officer1", known1);
        Assert.Equal(2, each.Count);
        Assert.All(each, n => Assert.DoesNotContain("汇总", n.Title));
        Assert.All(each, n => Assert.StartsWith("/incidents/clusters?open=", n.Link));
    }
}
