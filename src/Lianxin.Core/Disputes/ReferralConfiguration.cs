using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes;

/// <summary>Referrals in a table of their own (not owned by the dispute): they are looked up by link
/// token, scanned by the reminder job, and audited as records of their own.</summary>
internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasOne(x => x.Dispute).WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ReceiverOrganization).HasMaxLength(TextLimits.Title);
        b.Property(x => x.ContactName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.ContactPhoneHash).HasMaxLength(32);
        b.Property(x => x.ContactPhoneMasked).HasMaxLength(32);
        b.Ignore(x => x.ContactPhone);
        b.Ignore(x => x.ReceiverLabel);
        b.Ignore(x => x.IsAcknowledged);
        b.Ignore(x => x.HasResult);
        b.Property(x => x.Facts).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.WorkDone).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Materials).HasMaxLength(TextLimits.Text);
        b.Property(x => x.ReferredById).HasMaxLength(64);
        b.Property(x => x.AcknowledgedById).HasMaxLength(64);
        b.Property(x => x.AcknowledgedByName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.ResultText).HasMaxLength(TextLimits.Text);
        b.Property(x => x.ResultById).HasMaxLength(64);
        b.Property(x => x.ResultByName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.LinkTokenHash).HasMaxLength(64);
        b.HasIndex(x => x.DisputeId);
        b.HasIndex(x => x.LinkTokenHash).IsUnique();
        b.HasIndex(x => new { x.ResultAt, x.AcknowledgeDueAt });
        // The figures count the acknowledgements of a period.
        b.HasIndex(x => x.AcknowledgedAt);
    }
}
