using System.Globalization;
using Lianxin.Core.Data;
using Lianxin.Tests.Support;
using Lianxin.Web;
using Lianxin.Web.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Lianxin.Tests.Audit;

/// <summary>The audit page names every record type the log can hold in Chinese (and English), not by its code name.</summary>
public sealed class AuditEntityTypesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_audited_record_type_has_a_name_in_both_languages()
    {
        var types = await app.Factory.WithDbAsync(db =>
            Task.FromResult(
                db.Model.GetEntityTypes()
                    .Where(t => !t.IsOwned() && LianxinDbContext.IsAudited(t.ClrType))
                    .Select(t => t.ClrType.Name)
                    .Distinct()
                    .ToList()
            )
        );
        Assert.Contains("Resident", types);
        Assert.Contains("Dispute", types);
        Assert.Equal([], types.Where(t => AuditEntityTypes.KeyOf(t) is null).ToList());

        var l = app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var key in AuditEntityTypes.Keys.Values)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                var zh = l[key];
                Assert.False(zh.ResourceNotFound, key);
                Assert.Contains(zh.Value, c => c is >= '\u4e00' and <= '\u9fff');
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                Assert.False(l[key].ResourceNotFound, key);
                Assert.DoesNotContain(l[key].Value, c => c is >= '\u4e00' and <= '\u9fff');
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        Assert.Equal("Audit_Entity_Dispute", AuditEntityTypes.KeyOf("Dispute"));
        Assert.Null(AuditEntityTypes.KeyOf("SomethingNew"));
    }
}
