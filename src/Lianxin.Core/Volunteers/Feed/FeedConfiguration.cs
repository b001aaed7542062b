using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Volunteers.Feed;

internal sealed class FeedCommentConfiguration : IEntityTypeConfiguration<FeedComment>
{
    public void Configure(EntityTypeBuilder<FeedComment> b)
    {
        b.Property(x => x.AuthorUserId).HasMaxLength(64);
        b.Property(x => x.AuthorName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Body).HasMaxLength(FeedService.MaxCommentLength);
        b.Property(x => x.HiddenReason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HiddenById).HasMaxLength(64);
        b.HasIndex(x => new { x.PostId, x.CreatedAt });
        b.HasOne<FeedPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedLikeConfiguration : IEntityTypeConfiguration<FeedLike>
{
    public void Configure(EntityTypeBuilder<FeedLike> b)
    {
        b.Property(x => x.UserId).HasMaxLength(64);
        b.HasIndex(x => new { x.PostId, x.UserId }).IsUnique();
        b.HasOne<FeedPost>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
