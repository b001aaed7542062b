using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;

namespace Lianxin.BrowserTests;

/// <summary>A dispute with every paper a station prints, built once per run through the API as officer1: an agreement
/// with many mediators whose names are as long as allowed, a session held by four such mediators, a recorded
/// follow-up; and a second dispute referred out, with its receiver's link.</summary>
public sealed record DisputeCase(Guid DisputeId, Guid SessionId, Guid FollowUpId, Guid ReferredId, Guid ReferralId, string ReceiverToken)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, DisputeCase> Built = [];

    /// <summary>Names at the length limit: Chinese, and a Latin one with no place to break.</summary>
    public static string LongName(int i) =>
        i % 2 == 0
            ? ("调解员" + i + "号" + string.Concat(Enumerable.Repeat("欧阳司马诸葛上官", 8)))[..TextLimits.Name]
            : ("Mediator" + i + string.Concat(Enumerable.Repeat("Abcdefghij", 7)))[..TextLimits.Name];

    public string Agreement => $"/disputes/{DisputeId}/agreement/print";
    public string Registration => $"/disputes/{DisputeId}/registration/print";
    public string Record => $"/disputes/{DisputeId}/sessions/{SessionId}/print";
    public string Visit => $"/disputes/{DisputeId}/followups/{FollowUpId}/print";
    public string ReferralLetter => $"/disputes/{ReferredId}/referrals/{ReferralId}/print";

    public static async Task<DisputeCase> OfAsync(BrowserFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Built.TryGetValue(app.BaseUrl, out var c))
                Built[app.BaseUrl] = c = await BuildAsync(app);
            return c;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<HttpClient> ApiClientAsync(BrowserFixture app, string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private static async Task<DisputeCase> BuildAsync(BrowserFixture app)
    {
        using var officer = await ApiClientAsync(app, "officer1");
        var longParty = ("当事人" + string.Concat(Enumerable.Repeat("长名字测试", 20)))[..TextLimits.Name];
        var d = await RegisterAsync(app, officer, "楼上装修噪音纠纷", longParty);
        d = await ActAsync(officer, d, new { action = "Triage", jurisdiction = "PoliceSimple" });
        d = await ActAsync(officer, d, new { action = "StartMediation", level = "PoliceOffice" });
        var id = d.Summary.Id;
        var deadline = ChinaTime.Today(TimeProvider.System).AddDays(10).ToString("yyyy-MM-dd");
        await OkAsync<AgreementView>(
            await officer.PutAsJsonAsync(
                $"/api/v1/disputes/{id}/agreement",
                new
                {
                    parties = new object[]
                    {
                        new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                        new
                        {
                            role = "Respondent",
                            name = longParty,
                            address = "东峪村三组八号楼三单元五零二室（" + new string('长', 40) + "）",
                        },
                    },
                    facts = "钱某装修期间长期夜间施工，张三1多次报警。相关记录：https://example.cn/" + new string('x', 120),
                    responsibilities = "钱某夜间施工影响邻居休息，应承担主要责任。",
                    agreedContent = "钱某每日晚八点后停止施工，并赔偿张三1误工费 500 元。",
                    performanceMethod = "现金当面支付",
                    performanceDeadline = deadline,
                    mediators = Enumerable.Range(0, MediationAgreement.MaxMediators).Select(LongName).ToArray(),
                }
            )
        );
        var session = await OkAsync<SessionView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{id}/sessions",
                new
                {
                    level = "PoliceOffice",
                    place = "东峪村警务室",
                    mediators = Enumerable.Range(0, 4).Select(i => new { name = LongName(i), organization = "县人民法院" }).ToArray(),
                    attendees = new object[] { new { name = "张三1" }, new { name = longParty } },
                    summary = "双方同意晚八点后停止施工。" + new string('噪', 300),
                    outcome = "Agreed",
                }
            ),
            HttpStatusCode.Created
        );
        d = await ActAsync(officer, d, new { action = "Resolve", reason = "达成调解协议" });
        var visit = d.FollowUps.OrderBy(f => f.DueAt).First();
        await ActAsync(
            officer,
            d,
            new
            {
                action = "RecordFollowUp",
                followUpId = visit.Id,
                result = "Stable",
                reason = "夜间已无施工，两家来往正常。" + new string('稳', 200),
            }
        );

        var other = await RegisterAsync(app, officer, "包工头欠薪纠纷", "李某");
        other = await ActAsync(officer, other, new { action = "Triage", jurisdiction = "PoliceSimple" });
        var referral = await OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{other.Summary.Id}/referrals",
                new
                {
                    receiverKind = "LabourArbitration",
                    receiverOrganization = "平山县劳动人事争议仲裁院",
                    contactName = "王某",
                    contactPhone = "138 0000 1234",
                    facts = "工人李某称包工头欠薪三个月",
                    reason = "属劳动争议，不属公安管辖",
                    workDone = "已电话联系双方",
                    materials = "欠条复印件 1 份",
                    version = other.Summary.Version,
                }
            ),
            HttpStatusCode.Created
        );
        var link = await OkAsync<JsonObject>(
            await officer.PostAsync($"/api/v1/disputes/{other.Summary.Id}/referrals/{referral.Id}/link", null)
        );
        var url = link["url"]!.GetValue<string>();
        return new DisputeCase(id, session.Id, visit.Id, other.Summary.Id, referral.Id, url[(url.LastIndexOf('/') + 1)..]);
    }

    private static async Task<DisputeDetail> RegisterAsync(BrowserFixture app, HttpClient officer, string title, string respondent) =>
        await OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "WalkIn",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "楼上装修长期夜间施工，楼下住户多次报警。",
                    address = "东峪村三组8号",
                    parties = new object[]
                    {
                        new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                        new { role = "Respondent", name = respondent },
                    },
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<DisputeDetail> ActAsync(HttpClient c, DisputeDetail d, object step)
    {
        var body = JsonSerializer.SerializeToNode(step, ApiAssert.Json)!.AsObject();
        body["version"] = d.Summary.Version;
        return await OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));
    }

    private static Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        ApiAssert.OkAsync<T>(response, status);
}
