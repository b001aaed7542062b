using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

internal sealed class DisputeProviderModel : IProviderModelConfiguration
{
    public void Configure(ModelBuilder builder, string? providerName)
    {
        if (providerName != LianxinDbContext.SqliteProvider)
            return;
        // Stored as 0/1 either way; the conversion makes EF write "= 1" rather than the bare column, and
        // only an equality lets SQLite's planner (which has no statistics) start from this flag's index.
        builder.Entity<Dispute>().Property(x => x.CountedFromTimeline).HasConversion<int>();
    }
}
