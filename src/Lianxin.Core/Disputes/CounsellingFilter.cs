namespace Lianxin.Core.Disputes;

public sealed record CounsellingFilter(Guid? DisputeId = null, Guid? ResidentId = null);
