using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Volunteers;

public sealed class FeedApiSqliteTests(SqliteApp app) : FeedApiTests(app), IClassFixture<SqliteApp>;

public sealed class FeedApiPostgresTests(PostgresApp app) : FeedApiTests(app), IClassFixture<PostgresApp>;

public abstract class FeedApiTests(AppFixture app)
{
    private static async Task<List<FeedPostView>> FeedOf(HttpClient c, string query = "") =>
        (
            await ApiAssert.OkAsync<PagedResult<FeedPostView>>(await c.GetAsync($"/api/v1/volunteers/feed?pageSize=200{query}"))
        ).Items.ToList();

    private static async Task<FeedPostView> Post(HttpClient c, object body) =>
        await ApiAssert.OkAsync<FeedPostView>(
            await c.PostAsJsonAsync("/api/v1/volunteers/feed", body, ApiAssert.Json),
            HttpStatusCode.Created
        );

    [Fact]
    public async Task Each_person_sees_what_is_meant_for_them_within_their_station()
    {
        await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer1", 0, "李义警");
        await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer2", 1, "赵义警");
        var leader = await app.As("leader1");
        var volunteer = await app.As("volunteer1");
        var resident = await app.As("resident1");
        var notice = await Post(
            leader,
            new
            {
                kind = "Notice",
                orgUnitId = app.World.Stations[0].Id,
                title = "周末巡逻通知",
                body = "本周六晚七点在所门口集合",
            }
        );
        Assert.Equal(app.World.Stations[0].Name, notice.AuthorName);
        var vpost = await Post(volunteer, new { kind = "VolunteerPost", body = "今晚巡逻劝导三处电动车违停" });
        Assert.Equal("李义警", vpost.AuthorName);
        var opinion = await Post(
            resident,
            new
            {
                kind = "Opinion",
                title = "路灯不亮",
                body = "三组路口路灯坏了一个月",
            }
        );

        var seenByVolunteer = await FeedOf(volunteer);
        Assert.Contains(seenByVolunteer, p => p.Id == notice.Id);
        Assert.Contains(seenByVolunteer, p => p.Id == vpost.Id);
        Assert.DoesNotContain(seenByVolunteer, p => p.Id == opinion.Id); // someone else's opinion

        var seenByResident = await FeedOf(resident);
        Assert.Contains(seenByResident, p => p.Id == notice.Id);
        Assert.DoesNotContain(seenByResident, p => p.Id == vpost.Id);
        Assert.Contains(seenByResident, p => p.Id == opinion.Id && p.IsMine);

        foreach (var outsider in new[] { "volunteer2", "resident2" })
        {
            var feed = await FeedOf(await app.As(outsider));
            Assert.DoesNotContain(feed, p => p.Id == notice.Id || p.Id == vpost.Id || p.Id == opinion.Id);
            await ApiAssert.ProblemAsync(
                await (await app.As(outsider)).GetAsync($"/api/v1/volunteers/feed/{notice.Id}"),
                HttpStatusCode.NotFound
            );
        }
        var officer2 = await FeedOf(await app.As("officer2"));
        Assert.DoesNotContain(officer2, p => p.Id == opinion.Id);

        var staff = await FeedOf(await app.As("officer1"));
        Assert.Contains(staff, p => p.Id == opinion.Id);

        // Only staff post notices, only active volunteers post volunteer posts; activity reports come from activities.
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/feed", new { kind = "Notice", body = "x" }),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/feed", new { kind = "VolunteerPost", body = "x" }),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync("/api/v1/volunteers/feed", new { kind = "ActivityReport", body = "x" }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/feed",
                new
                {
                    kind = "Notice",
                    orgUnitId = app.World.Stations[1].Id,
                    body = "x",
                }
            ),
            HttpStatusCode.Forbidden
        );
    }

    [Fact]
    public async Task Likes_sent_at_once_from_several_devices_of_one_account_count_once()
    {
        var leader = await app.As("leader1");
        var notice = await Post(
            leader,
            new
            {
                kind = "Notice",
                orgUnitId = app.World.Villages[0].Id,
                body = "冬季防火提醒",
            }
        );
        var resident = await app.As("resident1");
        var answers = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(_ => resident.PostAsync($"/api/v1/volunteers/feed/{notice.Id}/like", null))
        );
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, (await ApiAssert.OkAsync<FeedPostView>(await leader.GetAsync($"/api/v1/volunteers/feed/{notice.Id}"))).Likes);
    }

    [Fact]
    public async Task Likes_count_once_comments_and_posts_hidden_by_a_moderator_vanish_for_others()
    {
        await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer1", 0, "李义警");
        var leader = await app.As("leader1");
        var volunteer = await app.As("volunteer1");
        var resident = await app.As("resident1");
        var notice = await Post(
            leader,
            new
            {
                kind = "Notice",
                orgUnitId = app.World.Villages[0].Id,
                body = "防诈骗宣传进村",
            }
        );

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await resident.PostAsync($"/api/v1/volunteers/feed/{notice.Id}/like", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsync($"/api/v1/volunteers/feed/{notice.Id}/like", null)).StatusCode);
        var seen = await ApiAssert.OkAsync<FeedPostView>(await resident.GetAsync($"/api/v1/volunteers/feed/{notice.Id}"));
        Assert.Equal(2, seen.Likes);
        Assert.True(seen.LikedByMe);
        await resident.DeleteAsync($"/api/v1/volunteers/feed/{notice.Id}/like");
        Assert.Equal(1, (await ApiAssert.OkAsync<FeedPostView>(await resident.GetAsync($"/api/v1/volunteers/feed/{notice.Id}"))).Likes);

        var rude = await ApiAssert.OkAsync<FeedCommentView>(
            await volunteer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/comments", new { body = "不文明的话" }),
            HttpStatusCode.Created
        );
        await ApiAssert.ProblemAsync(
            await volunteer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/comments", new { body = new string('多', 501) }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await volunteer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/comments/{rude.Id}/hide", new { reason = "x" }),
            HttpStatusCode.Forbidden
        );
        var officer = await app.As("officer1");
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/comments/{rude.Id}/hide", new { }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.OkAsync<FeedCommentView>(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/comments/{rude.Id}/hide", new { reason = "言语不文明" })
        );
        var forResident = await ApiAssert.OkAsync<PagedResult<FeedCommentView>>(
            await resident.GetAsync($"/api/v1/volunteers/feed/{notice.Id}/comments")
        );
        Assert.DoesNotContain(forResident.Items, c => c.Id == rude.Id);
        var forAuthor = await ApiAssert.OkAsync<PagedResult<FeedCommentView>>(
            await volunteer.GetAsync($"/api/v1/volunteers/feed/{notice.Id}/comments")
        );
        Assert.Contains(forAuthor.Items, c => c.Id == rude.Id && c.Hidden && c.HiddenReason == "言语不文明");

        var current = await ApiAssert.OkAsync<FeedPostView>(await officer.GetAsync($"/api/v1/volunteers/feed/{notice.Id}"));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/feed/{notice.Id}/hide", new { version = current.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        var hidden = await ApiAssert.OkAsync<FeedPostView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/feed/{notice.Id}/hide",
                new { reason = "内容有误，重新发布", version = current.Version }
            )
        );
        Assert.True(hidden.Hidden);
        Assert.DoesNotContain(await FeedOf(resident), p => p.Id == notice.Id);
        Assert.DoesNotContain(await FeedOf(volunteer), p => p.Id == notice.Id);
        Assert.Contains(await FeedOf(officer, "&hiddenOnly=true"), p => p.Id == notice.Id);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a =>
                    a.EntityType == nameof(FeedPost)
                    && a.EntityId == notice.Id.ToString()
                    && a.Action == "update"
                    && a.Changes!.Contains("内容有误")
                )
            )
        );
        await ApiAssert.ProblemAsync(await resident.PostAsync($"/api/v1/volunteers/feed/{notice.Id}/like", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_opinion_is_assigned_answered_and_closed_and_the_resident_sees_the_answer()
    {
        var resident = await app.As("resident1");
        var opinion = await Post(resident, new { kind = "Opinion", body = "学校门口早上车辆拥堵，希望安排护学岗" });
        Assert.Equal("待处理", opinion.OpinionState);
        var leader = await app.As("leader1");
        var queue = await FeedOf(leader, "&opinionQueue=true");
        Assert.Contains(queue, p => p.Id == opinion.Id);
        await ApiAssert.ProblemAsync(await resident.GetAsync("/api/v1/volunteers/feed?opinionQueue=true"), HttpStatusCode.Forbidden);

        var assignees = await ApiAssert.OkAsync<List<FeedAssignee>>(
            await leader.GetAsync($"/api/v1/volunteers/feed/{opinion.Id}/assignees")
        );
        var officerId = app.World.UserIds["officer1"];
        Assert.Contains(assignees, a => a.Id == officerId);
        Assert.DoesNotContain(assignees, a => a.Id == app.World.UserIds["officer2"]);
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/feed/{opinion.Id}/assign",
                new { assigneeId = app.World.UserIds["officer2"], version = opinion.Version }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var p = await ApiAssert.OkAsync<FeedPostView>(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/feed/{opinion.Id}/assign",
                new { assigneeId = officerId, version = opinion.Version }
            )
        );
        Assert.Equal(officerId, p.AssignedToId);
        var officer = await app.As("officer1");
        Assert.Contains(await FeedOf(officer, "&assignedToMe=true"), x => x.Id == opinion.Id);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/feed/{opinion.Id}/close", new { version = p.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        p = await ApiAssert.OkAsync<FeedPostView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/feed/{opinion.Id}/answer",
                new { answer = "已协调义警护学岗，每天早七点到八点值守", version = p.Version }
            )
        );
        p = await ApiAssert.OkAsync<FeedPostView>(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/feed/{opinion.Id}/close", new { version = p.Version })
        );
        Assert.NotNull(p.ClosedAt);
        Assert.DoesNotContain(await FeedOf(leader, "&opinionQueue=true"), x => x.Id == opinion.Id);

        var mine = await ApiAssert.OkAsync<FeedPostView>(await resident.GetAsync($"/api/v1/volunteers/feed/{opinion.Id}"));
        Assert.Equal("已办结", mine.OpinionState);
        Assert.Equal("已协调义警护学岗，每天早七点到八点值守", mine.Answer);
        var residentId = app.World.UserIds["resident1"];
        Assert.True(
            await app.Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == residentId && n.Title.Contains("办结")))
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync($"/api/v1/volunteers/feed/{opinion.Id}/comments", new { body = "谢谢" }),
            HttpStatusCode.UnprocessableEntity
        );
    }

    [Fact]
    public async Task Photos_of_the_wrong_type_or_too_large_are_refused_and_a_good_one_is_shown_to_those_who_see_the_post()
    {
        await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer1", 0, "李义警");
        var volunteer = await app.As("volunteer1");
        var post = await Post(volunteer, new { kind = "VolunteerPost", body = "护学岗" });
        var url = $"/api/v1/volunteers/feed/{post.Id}/photos";
        await ApiAssert.ProblemAsync(
            await TipApiTests.UploadAsync(volunteer, url, "a.gif", "GIF89a..."u8.ToArray()),
            HttpStatusCode.UnprocessableEntity
        );
        var big = new byte[PhotoStore.MaxBytes + 10];
        FeedTipSetup.Png.CopyTo(big, 0);
        await ApiAssert.ProblemAsync(await TipApiTests.UploadAsync(volunteer, url, "big.png", big), HttpStatusCode.UnprocessableEntity);
        var ok = await ApiAssert.OkAsync<FeedPostView>(
            await TipApiTests.UploadAsync(volunteer, url, "ok.png", FeedTipSetup.Png),
            HttpStatusCode.Created
        );
        var photo = Assert.Single(ok.PhotoIds);
        var officer = await app.As("officer1");
        var got = await officer.GetAsync($"/api/v1/volunteers/feed/{post.Id}/photos/{photo}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("image/png", got.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await (await app.As("resident1")).GetAsync($"/api/v1/volunteers/feed/{post.Id}/photos/{photo}")).StatusCode
        );
        await ApiAssert.ProblemAsync(
            await TipApiTests.UploadAsync(await app.As("officer1"), url, "x.png", FeedTipSetup.Png),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await volunteer.PostAsJsonAsync(
                "/api/v1/volunteers/feed",
                new { kind = "VolunteerPost", body = new string('字', TextLimits.Text + 1) }
            ),
            HttpStatusCode.UnprocessableEntity
        );
    }
}
