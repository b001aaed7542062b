using System.Data.Common;
using System.Runtime.CompilerServices;
using Lianxin.Core.Access;
using Lianxin.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianxin.Web.Access;

/// <summary>Notices every save that changes what an account may do (the account itself, its role links, a role, a
/// unit of the place tree) and, once that save is committed, tells <see cref="AccessChangeBus"/>. Watching the saves
/// rather than the services that make them means no way of changing an account can forget to tell.</summary>
public sealed class AccessChangeInterceptor(AccessChangeBus bus) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    private sealed class Pending
    {
        public readonly HashSet<string> Users = new(StringComparer.Ordinal);
        public bool Everyone;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        PublishUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        PublishUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A save that failed may still have changed something inside a transaction that is committed later; one that
    // failed on its own changed nothing, and forgetting anyway costs one read.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => PublishUnlessInTransaction(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        PublishUnlessInTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        Pending? pending = null;
        Pending Get() => pending ??= _pending.GetValue(context, _ => new Pending());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            switch (entry.Entity)
            {
                case LianxinUser user:
                    Get().Users.Add(user.Id);
                    break;
                case IdentityUserRole<string> link:
                    Get().Users.Add(link.UserId);
                    break;
                case LianxinRole when entry.State != EntityState.Added:
                case OrgUnit when entry.State != EntityState.Added:
                    Get().Everyone = true;
                    break;
            }
        }
    }

    private void PublishUnlessInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
            Publish(context);
    }

    private void Publish(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return;
        _pending.Remove(context);
        if (pending.Everyone)
            bus.EveryoneChanged();
        else
            foreach (var user in pending.Users)
                bus.UserChanged(user);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null)
            _pending.Remove(context);
    }
}
