using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes;

/// <summary>Agreements in a table of their own (an aggregate beside the dispute, versioned on its own),
/// their parties as owned rows.</summary>
internal sealed class AgreementConfiguration : IEntityTypeConfiguration<MediationAgreement>
{
    public void Configure(EntityTypeBuilder<MediationAgreement> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Facts).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Responsibilities).HasMaxLength(TextLimits.Text);
        b.Property(x => x.AgreedContent).HasMaxLength(TextLimits.Text);
        b.Property(x => x.PerformanceMethod).HasMaxLength(TextLimits.Address);
        b.Property(x => x.PerformanceNote).HasMaxLength(TextLimits.Text);
        b.Property(x => x.SignedById).HasMaxLength(64);
        b.Property(x => x.JudicialCourt).HasMaxLength(TextLimits.Title);
        b.HasIndex(x => new { x.DisputeId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.Status, x.PerformanceDueAt });
        // The figures count the confirmations decided in a period.
        b.HasIndex(x => new { x.JudicialResult, x.JudicialDecidedOn });
        b.HasOne<Dispute>().WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsSigned);
        b.Ignore(x => x.AwaitsPerformance);
        b.Ignore(x => x.AwaitsJudicialApplication);

        b.OwnsMany(
            x => x.Parties,
            p =>
            {
                p.ToTable("MediationAgreementParties");
                p.WithOwner().HasForeignKey("AgreementId");
                p.HasKey(x => x.Id);
                p.Property(x => x.Id).ValueGeneratedNever();
                p.Property(x => x.Name).HasMaxLength(TextLimits.Name);
                p.Property(x => x.OrganizationName).HasMaxLength(TextLimits.Title);
                p.Property(x => x.Address).HasMaxLength(TextLimits.Address);
                p.Property(x => x.IdNumberMasked).HasMaxLength(32);
                p.Ignore(x => x.IdNumber);
                p.Ignore(x => x.IsOrganization);
            }
        );
        b.Navigation(x => x.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
