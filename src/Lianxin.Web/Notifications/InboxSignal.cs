namespace Lianxin.Web.Notifications;

/// <summary>Per-circuit hint that the signed-in user's inbox changed from this very circuit (marking read
/// sends no push), so the bell in the layout re-reads its count.</summary>
public sealed class InboxSignal
{
    public event Func<Task>? Changed;

    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
