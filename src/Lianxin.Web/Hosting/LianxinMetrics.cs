using System.Diagnostics.Metrics;

namespace Lianxin.Web.Hosting;

/// <summary>The application's own counters, exported with the framework's through OpenTelemetry.</summary>
public sealed class LianxinMetrics
{
    public const string MeterName = "Lianxin";
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _reveals;
    private readonly Counter<long> _outboxSent;
    private readonly Counter<long> _outboxFailed;

    public LianxinMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _signIns = meter.CreateCounter<long>("lianxin.sign_ins", description: "Sign-in attempts by outcome");
        _reveals = meter.CreateCounter<long>("lianxin.personal_data.reveals", description: "Reveals of personal data");
        _outboxSent = meter.CreateCounter<long>("lianxin.outbox.sent", description: "Outbox messages delivered");
        _outboxFailed = meter.CreateCounter<long>("lianxin.outbox.failed_attempts", description: "Outbox delivery attempts that failed");
    }

    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Reveal() => _reveals.Add(1);

    public void OutboxSent(string channel) => _outboxSent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void OutboxFailed(string channel) => _outboxFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));
}
