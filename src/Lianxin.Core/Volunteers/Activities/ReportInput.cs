namespace Lianxin.Core.Volunteers.Activities;

public sealed record ReportInput(string? Body, string? Title = null);
