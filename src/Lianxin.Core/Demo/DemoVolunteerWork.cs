using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Core.Volunteers.Tips;

namespace Lianxin.Core.Demo;

/// <summary>The demo station's volunteer work, so every volunteer page has something to show: activities (finished
/// ones with check-ins and the hours and points credited exactly as finishing an activity credits them, one with its
/// report in the feed; published ones still to come with sign-ups and a wait list; a draft and a cancelled one),
/// tips in each state (one anonymous, with the outcome told back), the feed (notices, residents' opinions in each
/// state, comments and likes) and training sessions with attendance and certificates credited.
/// Everything is dated relative to <c>now</c> and drawn from a fixed seed, so a build is the same every time.</summary>
public static class DemoVolunteerWork
{
    /// <summary>The demo accounts the work is done by. The volunteer and resident accounts are optional.</summary>
    public sealed record Accounts(
        string OrganizerId,
        string OrganizerName,
        string LeaderId,
        string? VolunteerUserId,
        string? ResidentUserId,
        string ResidentName,
        IReadOnlyList<string> Likers
    );

    public sealed record Data(
        IReadOnlyList<Activity> Activities,
        IReadOnlyList<ActivitySignup> Signups,
        IReadOnlyList<ActivitySquad> Targets,
        IReadOnlyList<TrainingSession> Trainings,
        IReadOnlyList<TrainingAttendance> Attendances,
        IReadOnlyList<Tip> Tips,
        IReadOnlyList<FeedPost> Posts,
        IReadOnlyList<FeedComment> Comments,
        IReadOnlyList<FeedLike> Likes,
        IReadOnlyList<VolunteerCredit> Credits
    );

    private sealed record Plan(
        ActivityKind Kind,
        string Title,
        string Place,
        int Day,
        int StartHour,
        int StartMinute,
        int Minutes,
        int Quota,
        string SquadType,
        string[] Skills,
        string Description
    );

    // Patrols, school guards and event security take their title, place and day from Fit: these are the defaults.
    private static readonly Plan[] Finished =
    [
        new(
            ActivityKind.Patrol,
            "春节前夜间治安巡逻",
            "柏坡镇政府门前广场集合",
            -40,
            19,
            0,
            180,
            8,
            "patrol",
            ["patrol"],
            "沿镇区主干道、农贸市场和两个村的主要路口巡逻，重点查看门店、车辆和独居老人住户。"
        ),
        new(
            ActivityKind.SchoolGuard,
            "柏坡中心小学上学护学岗",
            "柏坡中心小学校门口",
            -25,
            7,
            10,
            60,
            6,
            "patrol",
            [],
            "早高峰在校门口两侧维持秩序，护送学生过马路，劝离乱停车辆。"
        ),
        new(
            ActivityKind.Publicity,
            "反电诈宣传进村入户",
            "东峪村文化广场",
            -18,
            9,
            0,
            150,
            10,
            "mediation",
            ["publicity", "dialect"],
            "在文化广场设点，再分组入户，向老人讲解冒充客服、刷单返利等骗局，帮助安装国家反诈中心 App。"
        ),
        new(
            ActivityKind.Search,
            "后山走失老人搜寻",
            "西沟村村委会集合",
            -9,
            14,
            0,
            240,
            12,
            "rescue",
            ["rescue", "first-aid", "drone"],
            "一名患阿尔茨海默病的老人午饭后走失，分四组沿后山小路和水渠搜寻，无人机配合空中查找。"
        ),
        new(
            ActivityKind.EventSecurity,
            "元宵庙会安保",
            "柏坡镇老街庙会现场",
            -4,
            8,
            0,
            240,
            10,
            "household-patrol",
            ["patrol"],
            "庙会人流大，在入口、戏台和停车点值守，疏导人流，留意扒窃和走失儿童。"
        ),
    ];

    private static readonly Plan[] Upcoming =
    [
        new(
            ActivityKind.Patrol,
            "周末夜间巡逻",
            "柏坡镇政府门前广场集合",
            3,
            19,
            0,
            180,
            6,
            "patrol",
            ["patrol"],
            "周六晚沿镇区和工业园区周边道路巡逻，两人一组，带好手电和反光背心。"
        ),
        new(
            ActivityKind.SchoolGuard,
            "开学第一周护学岗",
            "柏坡中心小学校门口",
            5,
            7,
            10,
            60,
            6,
            "patrol",
            [],
            "开学第一周上学高峰护学，协助交警疏导接送车辆。"
        ),
    ];

    private const string KitNoticeTitle = "义警服装和装备领取通知";
    private const string KitNoticeBody = "新入队的义警请于本周六上午到派出所一楼领取反光背心、袖标和手电，领取时带好本人手机以便登记。";

    /// <summary>A plan as it would be held around <paramref name="today"/>: seasonal titles and places from
    /// <see cref="DemoSeasons"/>, school guards on school days, the weekend patrol on the coming Saturday.</summary>
    private static Plan Fit(Plan p, DateOnly today)
    {
        switch (p.Kind)
        {
            case ActivityKind.Patrol when p.Day < 0:
                return p with { Title = DemoSeasons.NightPatrol(today.AddDays(p.Day)) };
            case ActivityKind.Patrol:
                return p with { Day = DemoSeasons.DaysToSaturday(today) };
            case ActivityKind.SchoolGuard:
            {
                var day = DemoSeasons.ToWeekday(today, p.Day);
                var w = DemoSeasons.SchoolGuard(today.AddDays(day));
                return p with { Day = day, Title = w.Title, Place = w.Place, Description = w.Description };
            }
            case ActivityKind.EventSecurity:
            {
                var w = DemoSeasons.EventSecurity(today.AddDays(p.Day));
                return p with { Title = w.Title, Place = w.Place, Description = w.Description };
            }
            default:
                return p;
        }
    }

    /// <summary>Builds the records in memory (nothing saved); <paramref name="volunteers"/> is what
    /// <see cref="DemoVolunteers.Build"/> made for the same station.</summary>
    public static Data Build(
        DemoCountyData county,
        DemoVolunteers.Data volunteers,
        PersonalDataProtector protector,
        DateTimeOffset now,
        Accounts accounts,
        PointsOptions points,
        int pointsPerTip,
        int seed = DemoCounty.DefaultSeed
    )
    {
        var station = county.Stations[0];
        var rng = new Random(seed ^ 0x5A17);
        var today = ChinaTime.Day(now);
        // China wall-clock times, kept in UTC as every stored time is.
        DateTimeOffset At(int day, int hour, int minute) =>
            new DateTimeOffset(today.AddDays(day).ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset).ToUniversalTime();

        var active = volunteers.Volunteers.Where(v => v.Status == VolunteerStatus.Active).ToList();
        var byId = active.ToDictionary(v => v.Id);
        var own = accounts.VolunteerUserId is null ? null : active.FirstOrDefault(v => v.UserId == accounts.VolunteerUserId);
        var credits = new List<VolunteerCredit>();
        var activities = new List<Activity>();
        var signups = new List<ActivitySignup>();
        var targets = new List<ActivitySquad>();
        var posts = new List<FeedPost>();
        var comments = new List<FeedComment>();
        var likes = new List<FeedLike>();

        // Members of the squad the activity is meant for come first, then anyone active; the demo volunteer
        // account takes part in the patrols it leads.
        List<Volunteer> Crowd(Plan p, int count)
        {
            var squad = volunteers.Squads.FirstOrDefault(s => s.TypeCode == p.SquadType);
            var inSquad = squad is null ? [] : volunteers.Members.Where(m => m.SquadId == squad.Id).Select(m => m.VolunteerId).ToHashSet();
            var pool = active.Where(v => v != own).OrderBy(v => inSquad.Contains(v.Id) ? 0 : 1).ThenBy(_ => rng.Next()).ToList();
            if (own is not null && p.Kind == ActivityKind.Patrol)
                pool.Insert(0, own);
            return pool.Take(count).ToList();
        }

        Activity NewActivity(Plan p, ActivityStatus status)
        {
            var start = At(p.Day, p.StartHour, p.StartMinute);
            var a = new Activity
            {
                OrgUnitId = station.Station.Id,
                Kind = p.Kind,
                Title = p.Title,
                Description = p.Description,
                Place = p.Place,
                StartsAt = start,
                EndsAt = start.AddMinutes(p.Minutes),
                Quota = p.Quota,
                SkillCodes = [.. p.Skills],
                OrganizerId = accounts.OrganizerId,
                OrganizerName = accounts.OrganizerName,
                CreatedById = accounts.OrganizerId,
                CreatedAt = start.AddDays(-7),
            };
            // Walked through the same steps as a real one: published a week before, finished an hour after the end;
            // a cancelled one is called off by its caller, with the reason.
            if (status != ActivityStatus.Draft)
                a.Publish(start.AddDays(-6));
            if (status == ActivityStatus.Finished)
                a.Finish(a.EndsAt.AddHours(1));
            if (volunteers.Squads.FirstOrDefault(s => s.TypeCode == p.SquadType) is { } squad)
            {
                var target = new ActivitySquad { ActivityId = a.Id, SquadId = squad.Id };
                a.TargetSquads.Add(target);
                targets.Add(target);
                a.OpenToAll = false;
            }
            activities.Add(a);
            return a;
        }

        // A sign-up walks the steps a real one does: signed up, then approved, declined or cancelled.
        ActivitySignup SignUp(
            Activity a,
            Volunteer v,
            SignupStatus status,
            int order,
            int? waitPosition = null,
            string cancelReason = "临时有事"
        )
        {
            var at = a.PublishedAt!.Value.AddHours(2 + order * 3);
            var s = ActivitySignup.SignUp(
                a.Id,
                v.Id,
                status == SignupStatus.Waitlisted ? SignupStatus.Waitlisted : SignupStatus.Pending,
                waitPosition,
                at
            );
            s.CreatedAt = at;
            s.CreatedById = v.UserId;
            if (status == SignupStatus.Approved)
                s.Approve(accounts.OrganizerId, at.AddHours(5));
            if (status == SignupStatus.Declined)
                s.Decline("本次名额已按中队排班安排，请报名下一场", accounts.OrganizerId, at.AddHours(5));
            if (status == SignupStatus.Cancelled)
                s.Cancel(cancelReason);
            a.Signups.Add(s);
            signups.Add(s);
            return s;
        }

        // Finished activities: approved volunteers checked in and out by the organiser (some late, some leaving
        // early, one not turning up), then credited as finishing does it.
        var first = true;
        foreach (var p in Finished.Select(p => Fit(p, today)))
        {
            var a = NewActivity(p, ActivityStatus.Finished);
            var crowd = Crowd(p, Math.Min(p.Quota, 5 + rng.Next(0, 3)) + 1);
            for (var i = 0; i < crowd.Count; i++)
            {
                var last = i == crowd.Count - 1;
                var s = SignUp(
                    a,
                    crowd[i],
                    last ? (rng.Next(2) == 0 ? SignupStatus.Declined : SignupStatus.Cancelled) : SignupStatus.Approved,
                    i
                );
                if (s.Status != SignupStatus.Approved)
                    continue;
                var noShow = i == crowd.Count - 2 && crowd.Count > 3;
                if (!noShow)
                {
                    s.CheckIn(a.StartsAt.AddMinutes(i % 3 == 2 ? 25 : -10), CheckMethod.Organizer);
                    s.CheckOut(a.EndsAt.AddMinutes(i % 4 == 3 ? -40 : 5), CheckMethod.Organizer);
                }
                var minutes = ActivityRules.Minutes(a, s.CheckedInAt, s.CheckedOutAt);
                var pts = ActivityRules.Points(a.Kind, minutes, points);
                s.Credit(minutes, pts);
                if (minutes <= 0)
                    continue;
                credits.Add(
                    new VolunteerCredit
                    {
                        VolunteerId = s.VolunteerId,
                        OrgUnitId = byId[s.VolunteerId].OrgUnitId,
                        Source = CreditSource.Activity,
                        SourceId = a.Id,
                        Minutes = minutes,
                        Points = pts,
                        At = a.EndsAt,
                        ById = accounts.OrganizerId,
                        Reason = $"{a.Kind.Label()}：{a.Title}",
                    }
                );
            }
            if (!first)
                continue;
            first = false;
            // The first one has its report in the feed, written by the patrol squad's leader.
            var reporter = own?.Name ?? accounts.OrganizerName;
            var report = FeedPost.Write(
                a.OrgUnitId,
                FeedPostKind.ActivityReport,
                reporter,
                $"{a.Title}圆满完成",
                $"{a.Signups.Count(s => s.MinutesCredited > 0)} 名义警分三组巡逻三个小时，劝导关好门窗的商户十余家，"
                    + "帮一位找不到家的醉酒群众联系上家属，巡逻途中未发现治安异常。",
                a.Id
            );
            report.CreatedAt = a.FinishedAt!.Value.AddHours(1);
            report.CreatedById = accounts.VolunteerUserId ?? accounts.OrganizerId;
            a.ReportPostId = report.Id;
            posts.Add(report);
        }

        // Published activities still to come: places taken (approved and awaiting approval) and, where full, a wait list.
        foreach (var p in Upcoming.Select(p => Fit(p, today)))
        {
            var a = NewActivity(p, ActivityStatus.Published);
            var full = p.Kind == ActivityKind.Patrol;
            var crowd = Crowd(p, full ? p.Quota + 3 : p.Quota - 2);
            var wait = 0;
            for (var i = 0; i < crowd.Count; i++)
            {
                var status =
                    i >= p.Quota ? SignupStatus.Waitlisted
                    : i % 3 == 2 ? SignupStatus.Pending
                    : SignupStatus.Approved;
                SignUp(a, crowd[i], status, i, status == SignupStatus.Waitlisted ? ++wait : null);
            }
        }

        // A draft not yet published and one called off, each in words that suit the season.
        var talk = DemoSeasons.SafetyTalk(today.AddDays(12));
        NewActivity(
            new Plan(
                ActivityKind.Publicity,
                talk.Title,
                talk.Place,
                12,
                9,
                0,
                120,
                8,
                "publicity",
                ["publicity", "swimming"],
                talk.Description
            ),
            ActivityStatus.Draft
        );
        var off = NewActivity(
            new Plan(
                ActivityKind.Patrol,
                "工业园区夜间联防巡逻",
                "工业园区南门",
                -2,
                20,
                0,
                120,
                6,
                "joint-defence",
                ["patrol"],
                "与园区企业联防队一起巡逻园区道路和仓库周边。"
            ),
            ActivityStatus.Cancelled
        );
        off.Cancel(DemoSeasons.WeatherCancellation(today.AddDays(-2)), off.StartsAt.AddHours(-6));
        foreach (var (v, i) in Crowd(Finished[0] with { SquadType = "joint-defence" }, 3).Select((v, i) => (v, i)))
            SignUp(off, v, SignupStatus.Cancelled, i, cancelReason: "活动已取消");

        // Training sessions: two held, with attendance recorded (most passed and certified) and credited; one to come.
        var trainings = new List<TrainingSession>
        {
            new()
            {
                OrgUnitId = station.Station.Id,
                Title = "心肺复苏与止血包扎培训",
                Topic = "急救",
                Trainer = "县人民医院急诊科 刘医生",
                Place = "派出所二楼会议室",
                StartsAt = At(-50, 14, 30),
                Minutes = 180,
                Points = 10,
                CreatedById = accounts.LeaderId,
                CreatedAt = now.AddDays(-60),
            },
            new()
            {
                OrgUnitId = station.Station.Id,
                Title = "防溺水与水上救援培训",
                Topic = "救援",
                Trainer = "县应急管理局 救援队",
                Place = "西沟水库",
                StartsAt = At(-15, 9, 0),
                Minutes = 120,
                Points = 8,
                CreatedById = accounts.LeaderId,
                CreatedAt = now.AddDays(-25),
            },
            new()
            {
                OrgUnitId = station.Station.Id,
                Title = "矛盾纠纷调解技巧培训",
                Topic = "调解",
                Trainer = "司法所 王所长",
                Place = "派出所二楼会议室",
                StartsAt = At(7, 14, 30),
                Minutes = 120,
                Points = 6,
                CreatedById = accounts.LeaderId,
                CreatedAt = now.AddDays(-3),
            },
        };
        var attendances = new List<TrainingAttendance>();
        var certificates = new Dictionary<int, int>();
        foreach (var session in trainings.Where(t => t.StartsAt < now))
        {
            var year = ChinaTime.Day(session.StartsAt).Year;
            var people = active.OrderBy(_ => rng.Next()).Take(12).ToList();
            if (own is not null && !people.Contains(own))
                people[0] = own;
            for (var i = 0; i < people.Count; i++)
            {
                var attended = i % 6 != 5;
                var passed = attended && i % 5 != 4;
                var record = TrainingAttendance.Of(session.Id, people[i].Id);
                if (record.Record(attended, passed, accounts.LeaderId, session.StartsAt.AddMinutes(session.Minutes + 30)))
                {
                    var seq = certificates[year] = certificates.GetValueOrDefault(year) + 1;
                    record.IssueCertificate(TrainingAttendance.CertificateNumberFor(year, seq), record.RecordedAt);
                }
                attendances.Add(record);
                if (!attended)
                    continue;
                credits.Add(
                    new VolunteerCredit
                    {
                        VolunteerId = people[i].Id,
                        OrgUnitId = people[i].OrgUnitId,
                        Source = CreditSource.Training,
                        SourceId = session.Id,
                        Minutes = session.Minutes,
                        Points = session.Points,
                        At = session.StartsAt,
                        ById = accounts.LeaderId,
                        Reason = $"参加培训：{session.Title}",
                    }
                );
            }
        }

        var tips = BuildTips(county, protector, now, accounts, own, pointsPerTip, credits);

        // The feed: the station's notices, residents' opinions in each state (one hidden by moderation), comments and likes.
        var patrolNotice = DemoSeasons.PatrolNotice(ChinaTime.Day(now.AddDays(-30)));
        (string Title, string Body)[] notices = [patrolNotice, (KitNoticeTitle, KitNoticeBody)];
        for (var i = 0; i < notices.Length; i++)
        {
            var notice = FeedPost.Write(station.Station.Id, FeedPostKind.Notice, station.Station.Name, notices[i].Title, notices[i].Body);
            notice.CreatedAt = now.AddDays(-30 + i * 20);
            notice.CreatedById = accounts.LeaderId;
            posts.Add(notice);
        }
        if (own is not null)
        {
            var mine = FeedPost.Write(
                own.OrgUnitId,
                FeedPostKind.VolunteerPost,
                own.Name,
                "巡逻路上",
                "今晚巡逻时发现村口路灯坏了两盏，已经拍照报给村委会，大家夜里走这段路注意安全。"
            );
            mine.CreatedAt = now.AddDays(-6);
            mine.CreatedById = own.UserId;
            posts.Add(mine);
        }
        if (accounts.ResidentUserId is { } resident)
        {
            var village = station.Village.Id;
            FeedPost Opinion(string title, string body, int daysAgo)
            {
                var p = FeedPost.Write(village, FeedPostKind.Opinion, accounts.ResidentName, title, body);
                p.CreatedAt = now.AddDays(-daysAgo);
                p.CreatedById = resident;
                posts.Add(p);
                return p;
            }
            Opinion("小区门口晚上太暗", "小区北门到公交站这一段没有路灯，晚上老人孩子走路不安全，希望能加装路灯。", 1);
            Opinion("集市占道经营", "每逢集日早上集市摊位摆到马路中间，车过不去，经常堵半小时。", 4).Assign(accounts.OrganizerId);
            var answered = Opinion("快递柜附近电动车乱停", "快递柜前面电动车停得满满的，取件都挤不进去，还有人在那里充电。", 9);
            answered.Assign(accounts.OrganizerId);
            answered.AnswerWith(
                "已联系物业划出电动车停放区，并张贴禁止私拉电线充电的提示，我们会继续跟进。",
                accounts.OrganizerId,
                now.AddDays(-7)
            );
            var closed = Opinion("学校门口接孩子堵车", "放学时校门口家长车辆乱停，孩子过马路很危险。", 20);
            closed.Assign(accounts.OrganizerId);
            closed.AnswerWith(
                "已安排护学岗义警在放学时段疏导车辆，交警中队在校门两侧设置了临时停车区。",
                accounts.OrganizerId,
                now.AddDays(-16)
            );
            closed.Close(null, now.AddDays(-12));
            var hidden = Opinion("转发：加群领补贴", "扫码进群即可领取三千元生活补贴，名额有限。", 2);
            hidden.Hide("疑似诈骗引流信息", accounts.LeaderId, now.AddDays(-2).AddHours(1));
        }

        var commenters = new List<(string Id, string Name)> { (accounts.OrganizerId, accounts.OrganizerName) };
        if (own is not null)
            commenters.Add((own.UserId!, own.Name));
        if (accounts.ResidentUserId is not null)
            commenters.Add((accounts.ResidentUserId, accounts.ResidentName));
        string[] remarks =
        [
            "辛苦了！",
            "收到，按时参加。",
            "给义警们点赞，晚上出门安心多了。",
            "下次巡逻算我一个。",
            "请问需要带什么装备？",
        ];
        var visible = posts.Where(p => !p.Hidden && p.Kind != FeedPostKind.Opinion).ToList();
        foreach (var (post, i) in visible.Select((p, i) => (p, i)))
        {
            for (var k = 0; k < 1 + i % 3; k++)
            {
                var (id, name) = commenters[(i + k) % commenters.Count];
                comments.Add(
                    FeedComment.Write(post.Id, id, name, remarks[(i * 2 + k) % remarks.Length], post.CreatedAt.AddHours(2 + k * 3))
                );
            }
            foreach (var liker in accounts.Likers.Distinct().Take(2 + (i * 3) % Math.Max(1, accounts.Likers.Count)))
                likes.Add(
                    new FeedLike
                    {
                        PostId = post.Id,
                        UserId = liker,
                        CreatedAt = post.CreatedAt.AddHours(1),
                    }
                );
        }

        return new Data(activities, signups, targets, trainings, attendances, tips, posts, comments, likes, credits);
    }

    /// <summary>Tips in each state: waiting, being checked, acted on, told back (one of them anonymous, found again by
    /// its sender's account) and dismissed. The demo volunteer's tips that were acted on are credited once.</summary>
    private static List<Tip> BuildTips(
        DemoCountyData county,
        PersonalDataProtector protector,
        DateTimeOffset now,
        Accounts accounts,
        Volunteer? own,
        int pointsPerTip,
        List<VolunteerCredit> credits
    )
    {
        var station = county.Stations[0];
        var place = station.Village;
        var tips = new List<Tip>();
        Tip Add(string category, string address, string body, int daysAgo, bool fromVolunteer, bool anonymous = false)
        {
            var content = new TipContent(place.Id, category, address, null, null, body);
            Tip t;
            if (anonymous)
                t = Tip.Anonymous("", content, accounts.ResidentUserId is { } r ? protector.BlindIndex("tip-owner:" + r) : null, null);
            else if (fromVolunteer && own is not null)
                t = Tip.Named("", content, own.UserId!, own.Id, own.Name, fromVolunteer: true);
            else
                t = Tip.Named("", content, accounts.ResidentUserId, null, accounts.ResidentName, fromVolunteer: false);
            t.CreatedAt = now.AddDays(-daysAgo).AddHours(-3);
            tips.Add(t);
            return t;
        }

        void Check(Tip t, string note) => t.StartChecking(accounts.OrganizerId, note, t.CreatedAt.AddHours(4));

        void Act(Tip t, TipOutcome outcome, string text)
        {
            if (t.Status == TipStatus.Received)
                Check(t, "已安排核实");
            t.Act(outcome, text, new TipLinks(), null, t.CheckStartedAt!.Value.AddDays(1));
            if (t.SenderVolunteerId is { } vid && !t.IsAnonymous)
                credits.Add(
                    new VolunteerCredit
                    {
                        VolunteerId = vid,
                        OrgUnitId = own!.OrgUnitId,
                        Source = CreditSource.Tip,
                        SourceId = t.Id,
                        Minutes = 0,
                        Points = pointsPerTip,
                        Reason = $"线索 {t.Number} 被采纳",
                        At = t.ActedAt!.Value,
                        ById = accounts.OrganizerId,
                    }
                );
        }

        void Close(Tip t, string feedback) => t.Close(feedback, t.ActedAt!.Value.AddDays(1));

        // Numbers first (XS-year-00001 in the order sent), so credits can name them.
        Add(
            "gambling",
            "东峪村三组后山废弃砖窑",
            "最近每晚十点后有十几个人在砖窑里打牌，外面有人放哨，怀疑聚众赌博。",
            1,
            fromVolunteer: false
        );
        Add(
            "public-order",
            "柏坡镇农贸市场东门",
            "市场东门有两个外地口音的人连续几天向老人推销保健品，说能包治百病。",
            0,
            fromVolunteer: true
        );
        var checking = Add(
            "hazard",
            "西沟村小学旁边的旧水塔",
            "旧水塔的爬梯锈断了一半，放学后常有孩子爬上去玩，很危险。",
            5,
            fromVolunteer: false
        );
        var acted = Add("hazard", "柏坡镇老街 18 号门前", "老街电线杆上的电线垂到离地面一人多高，下雨天有火花。", 8, fromVolunteer: true);
        var anonymous = Add(
            "drugs",
            "工业园区南侧出租屋",
            "出租屋里常有人深夜进出，屋里有奇怪的气味，怀疑有人吸毒。",
            16,
            fromVolunteer: false,
            anonymous: true
        );
        var told = Add("fraud", "东峪村村委会", "有人挨家挨户说能代办养老保险补缴，要先交两千元手续费。", 22, fromVolunteer: true);
        var dismissed = Add("public-order", "柏坡镇广场", "广场舞音响太吵，晚上九点还没停。", 12, fromVolunteer: false);
        var seq = new Dictionary<int, int>();
        foreach (var t in tips.OrderBy(t => t.CreatedAt))
        {
            var year = ChinaTime.Day(t.CreatedAt).Year;
            t.Renumber($"XS-{year}-{(seq[year] = seq.GetValueOrDefault(year) + 1):D5}");
        }
        Check(checking, "已通知村委会先拉警戒线，明天会同镇安监办现场查看");
        Act(acted, TipOutcome.HazardFixed, "供电所已重新架设线路，安全隐患已整改");
        Act(anonymous, TipOutcome.Other, "会同禁毒中队查处，抓获吸毒人员二名");
        Close(anonymous, "您反映的情况已查实并依法处理，感谢您的举报，您的身份我们严格保密。");
        Act(told, TipOutcome.Other, "已查实为冒充社保人员诈骗，嫌疑人已被抓获");
        Close(told, "感谢您及时报告，嫌疑人已落网，已在各村群里发布防骗提醒。");
        dismissed.Dismiss("不属于治安线索，已转告社区与广场舞队协商音量和时间", accounts.OrganizerId, dismissed.CreatedAt.AddDays(1));
        return tips;
    }
}
