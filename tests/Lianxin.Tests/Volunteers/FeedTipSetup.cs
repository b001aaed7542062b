using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Volunteers;

/// <summary>An active volunteer record for a test account, made once per app (the existing one, renamed, if the account has one).</summary>
public static class FeedTipSetup
{
    public static Task<Guid> ActiveVolunteerAsync(AppFixture app, string account, int station, string name) =>
        app.Factory.WithDbAsync(async db =>
        {
            var userId = app.World.UserIds[account];
            var v = await db.Volunteers.FirstOrDefaultAsync(x => x.UserId == userId);
            if (v is null)
            {
                v = VolunteerTestData.InStatus(
                    app.World.Grids[station].Id,
                    name,
                    VolunteerStatus.Active,
                    DateTimeOffset.UtcNow.AddDays(-30),
                    DateTimeOffset.UtcNow.AddDays(-20),
                    userId,
                    Gender.Male
                );
                db.Volunteers.Add(v);
            }
            else
            {
                // The account's record from the test world: active, under the name this test expects.
                VolunteerTestData.Walk(v, VolunteerStatus.Active, DateTimeOffset.UtcNow);
                v.Rename(name);
            }
            await db.SaveChangesAsync();
            return v.Id;
        });

    /// <summary>A tiny valid PNG (1×1).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    );
}
