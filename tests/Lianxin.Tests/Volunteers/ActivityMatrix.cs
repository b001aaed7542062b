using Lianxin.Core.Data;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

/// <summary>Station 2's activity with one sign-up, for the access matrix's activity routes to aim at.</summary>
public static class ActivityMatrix
{
    public const string Title = "西峪村越权测试巡逻";

    public static Task<(Guid Activity, Guid Signup)> Station2ActivityAsync(AppFixture app) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var known = await db
                .Activities.AsNoTracking()
                .Where(a => a.Title == Title)
                .Select(a => new { a.Id, Signup = a.Signups.Select(s => s.Id).First() })
                .FirstOrDefaultAsync();
            if (known is not null)
                return (known.Id, known.Signup);
            var unit = app.World.Villages[1].Id;
            var v = VolunteerTestData.InStatus(unit, "西峪义警", VolunteerStatus.Active, DateTimeOffset.UtcNow);
            var a = new Activity
            {
                OrgUnitId = unit,
                Kind = ActivityKind.Patrol,
                Title = Title,
                Place = "西峪村委会",
                StartsAt = DateTimeOffset.UtcNow.AddDays(2),
                EndsAt = DateTimeOffset.UtcNow.AddDays(2).AddHours(2),
                Quota = 3,
                OrganizerId = app.World.UserIds["officer2"],
                OrganizerName = "officer2",
            };
            a.Publish(DateTimeOffset.UtcNow);
            a.Signups.Add(ActivitySignup.SignUp(a.Id, v.Id, SignupStatus.Pending, null, DateTimeOffset.UtcNow));
            db.Volunteers.Add(v);
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return (a.Id, a.Signups[0].Id);
        });
}
