using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Lianxin.Core.Common;

namespace Lianxin.Web.Api;

/// <summary>Refuses, before any handler runs, a date outside <see cref="DateBounds"/> anywhere in what an API
/// request bound: a query or route value, a filter object's property, or a body's field (nested records and
/// lists included). One 422 names every such field, so no endpoint can forget a bound and no date reaches a
/// conversion that would overflow into a 500.</summary>
public sealed class DateBoundsFilter : IEndpointFilter
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Readable = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        var services = context.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var parameter = parameters is not null && i < parameters.Length ? parameters[i] : null;
            // Services the handler asks for are not input.
            if (parameter is not null && services?.IsService(parameter.ParameterType) == true)
                continue;
            Visit(context.Arguments[i], parameter?.Name ?? $"arg{i}", isRoot: true, 0, errors);
        }
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误", statusCode: StatusCodes.Status422UnprocessableEntity);
        return await next(context);
    }

    private static void Visit(object? value, string path, bool isRoot, int depth, Dictionary<string, string[]> errors)
    {
        if (value is null || depth > MaxDepth)
            return;
        if (!DateBounds.Accepts(value))
        {
            errors[path] = [DateBounds.Message];
            return;
        }
        var type = value.GetType();
        if (!IsOurs(type))
        {
            if (value is IEnumerable items and not string and not IDictionary and not IQueryable)
            {
                var index = 0;
                foreach (var item in items)
                    Visit(item, $"{path}[{index++}]", isRoot: false, depth + 1, errors);
            }
            return;
        }
        foreach (var p in Readable.GetOrAdd(type, Properties))
            // The properties of a bound parameter object ([AsParameters] or the body) are named on their own,
            // as the query string and the JSON name them.
            Visit(p.GetValue(value), isRoot ? Json(p.Name) : $"{path}.{Json(p.Name)}", isRoot: false, depth + 1, errors);
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Lianxin.", StringComparison.Ordinal) == true && !type.IsEnum;

    private static PropertyInfo[] Properties(Type type) =>
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
                .Where(p => Worth(p.PropertyType)),
        ];

    /// <summary>Dates, our own records and lists: anything else cannot hold a date.</summary>
    private static bool Worth(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(DateOnly)
            || u == typeof(DateTime)
            || u == typeof(DateTimeOffset)
            || IsOurs(u)
            || (u != typeof(string) && typeof(IEnumerable).IsAssignableFrom(u) && u.IsGenericType && Worth(u.GetGenericArguments()[0]));
    }

    private static string Json(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
