using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers;

namespace Lianxin.Core.Demo;

/// <summary>The demo station's volunteers (义警): about forty across its villages and communities, five squads
/// (emergency rescue, patrol, mediation, a 百户义防 household patrol team and a joint-defence team with an
/// enterprise), a few police assistants of each kind, and some applications waiting for review.</summary>
public static class DemoVolunteers
{
    public const int DefaultCount = 40;

    public sealed record Data(
        IReadOnlyList<Volunteer> Volunteers,
        IReadOnlyList<VolunteerStatusChange> Changes,
        IReadOnlyList<Squad> Squads,
        IReadOnlyList<SquadMember> Members
    );

    private static readonly (string Name, string Type, string[] Skills, string? Partner)[] SquadPlan =
    [
        ("应急救援中队", "rescue", ["rescue", "first-aid", "swimming", "drone"], null),
        ("治安巡逻中队", "patrol", ["patrol", "driving"], null),
        ("“帮大哥”调解中队", "mediation", ["mediation", "law", "psychology", "dialect"], null),
        ("百户义防队", "household-patrol", ["patrol", "dialect"], null),
        ("工业园区联防队", "joint-defence", ["patrol", "electrician"], "柏坡新材料有限公司"),
    ];

    private static readonly string[] Statements =
    [
        "退伍军人，身体好，愿意参加夜间巡逻。",
        "村里的事大家一起管，有空就来帮忙。",
        "会游泳、开船，汛期可以随叫随到。",
        "做过二十年村调解员，邻里矛盾愿意出面说和。",
        "在镇上开店，平时能留意可疑情况。",
        "学过急救，持红十字救护员证。",
    ];

    private static readonly string[] AssistantKinds = ["public-order", "mediation", "publicity"];

    /// <summary>Builds the records in memory (nothing saved). <paramref name="volunteerUserId"/>, when given, is the demo
    /// volunteer account, which gets an active record and leads the patrol squad.</summary>
    public static Data Build(
        DemoCountyData county,
        PersonalDataProtector protector,
        DateTimeOffset now,
        string? volunteerUserId,
        string volunteerName = "陈义警",
        int count = DefaultCount,
        int seed = DemoCounty.DefaultSeed
    )
    {
        var station = county.Stations[0];
        var places = county
            .Units.Where(u =>
                u.Path.StartsWith(station.Station.Path, StringComparison.Ordinal)
                && u.Kind is OrgUnitKind.Village or OrgUnitKind.Community
                && !u.IsRetired
            )
            .ToList();
        if (places.Count == 0)
            places = [station.Village];
        var rng = new Random(seed ^ 0x1E5C);
        var skills = SquadPlan.SelectMany(s => s.Skills).Concat(["publicity", "photography", "other"]).Distinct().ToArray();
        var volunteers = new List<Volunteer>();
        var changes = new List<VolunteerStatusChange>();
        var squads = SquadPlan
            .Select(p => new Squad
            {
                Name = p.Name,
                TypeCode = p.Type,
                OrgUnitId = station.Station.Id,
                PartnerName = p.Partner,
                AgreementFrom = p.Partner is null ? null : new DateOnly(2026, 1, 1),
                AgreementTo = p.Partner is null ? null : new DateOnly(2027, 12, 31),
                Description = p.Partner is null ? null : "企业出人出车，派出所统一调度，夜间在园区及周边道路巡逻。",
            })
            .ToList();
        var members = new List<SquadMember>();
        var leaders = new HashSet<Guid>();

        Volunteer Make(string name, Gender gender, OrgUnit unit, VolunteerStatus status, int daysAgo, string? userId = null)
        {
            var year = 1960 + rng.Next(0, 45);
            var phone = protector.Protect(DemoNames.Mobile(rng), PhoneNumber.Mask);
            var chosen = skills.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
            var availability =
                (VolunteerAvailability)(1 << rng.Next(0, 5))
                | (rng.Next(2) == 0 ? VolunteerAvailability.Weekend : VolunteerAvailability.None);
            var statement = Statements[rng.Next(Statements.Length)];
            var first17 = $"{DemoNames.HomeRegion}{year:0000}{rng.Next(1, 13):00}{rng.Next(1, 29):00}{rng.Next(100, 1000):000}";
            var idNumber =
                rng.Next(3) > 0 ? protector.Protect(first17 + CitizenId.ComputeCheckChar(first17), CitizenId.Mask) : ProtectedText.Empty;
            // The record walks the same steps a real one does: applied, accepted, and for some suspended later.
            var (v, applied) = Volunteer.Applying(
                userId,
                new VolunteerDetails(name, gender, phone, idNumber, unit.Id, chosen, availability, statement),
                now.AddDays(-daysAgo - 3)
            );
            volunteers.Add(v);
            changes.Add(applied);
            if (status != VolunteerStatus.Applicant)
                changes.Add(v.Accept(null, now.AddDays(-daysAgo)));
            if (status == VolunteerStatus.Suspended)
                changes.Add(v.Suspend("外出务工半年，暂停服务", null, now.AddDays(-10)));
            return v;
        }

        void Join(Squad squad, Volunteer v, SquadRole role)
        {
            if (role == SquadRole.Leader && !leaders.Add(squad.Id))
                role = SquadRole.Member;
            members.Add(
                new SquadMember
                {
                    SquadId = squad.Id,
                    VolunteerId = v.Id,
                    Role = role,
                    JoinedAt = v.JoinedAt ?? now,
                }
            );
        }

        if (volunteerUserId is not null)
        {
            var own = Make(volunteerName, Gender.Male, station.Village, VolunteerStatus.Active, 200, volunteerUserId);
            own.CorrectProfile(["patrol", "first-aid", "driving"], null, own.AssistantKindCode, own.Note);
            Join(squads[1], own, SquadRole.Leader);
        }
        for (var i = 0; i < count; i++)
        {
            var gender = rng.Next(4) == 0 ? Gender.Female : Gender.Male;
            var year = 1965 + rng.Next(0, 40);
            var name = DemoNames.Surname(rng) + DemoNames.GivenName(rng, gender, year);
            var unit = places[i % places.Count];
            var status =
                i >= count - 4 ? VolunteerStatus.Applicant
                : i % 17 == 16 ? VolunteerStatus.Suspended
                : VolunteerStatus.Active;
            var v = Make(name, gender, unit, status, 20 + rng.Next(0, 600));
            if (status != VolunteerStatus.Active)
                continue;
            if (i % 7 == 3)
                v.CorrectProfile(null, null, AssistantKinds[i % AssistantKinds.Length], v.Note);
            var squad = squads[i % squads.Count];
            Join(
                squad,
                v,
                i < squads.Count ? SquadRole.Leader
                    : i < squads.Count * 2 ? SquadRole.DeputyLeader
                    : SquadRole.Member
            );
            if (i % 5 == 0)
                Join(squads[(i + 2) % squads.Count], v, SquadRole.Member);
        }
        return new Data(volunteers, changes, squads, members);
    }
}
