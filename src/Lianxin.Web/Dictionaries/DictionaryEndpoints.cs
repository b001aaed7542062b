using Lianxin.Core.Access;
using Lianxin.Core.Dictionaries;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Dictionaries;

public static class DictionaryEndpoints
{
    public static void MapDictionaryApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/dictionaries").WithTags("字典").ProducesSignInProblems();
        g.MapGet("/categories", () => TypedResults.Ok(DictionaryDefaults.Categories))
            .WithName("DictionaryCategories")
            .WithSummary("字典类别");
        g.MapGet("/", List).WithName("ListDictionaryItems").ProducesInputProblems().WithSummary("字典项（可按类别过滤）");
        g.MapPost("/", Create)
            .Idempotent()
            .WithName("CreateDictionaryItem")
            .ProducesCreateProblems()
            .WithSummary("新增字典项")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DictionariesManage));
        g.MapPut("/{id:guid}", Update)
            .WithName("UpdateDictionaryItem")
            .ProducesChangeProblems()
            .WithSummary("修改字典项（编码不可改），须带 version")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DictionariesManage));
    }

    private static async Task<Ok<List<DictionaryItemView>>> List(
        string? category,
        bool? includeInactive,
        DictionaryService dict,
        CancellationToken ct
    ) => TypedResults.Ok((await dict.ListAsync(category, includeInactive ?? false, ct)).Select(DictionaryItemView.From).ToList());

    private static async Task<Created<DictionaryItemView>> Create(DictionaryItemInput input, DictionaryService dict, CancellationToken ct)
    {
        var item = await dict.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/dictionaries/{item.Id}", DictionaryItemView.From(item));
    }

    private static async Task<Ok<DictionaryItemView>> Update(
        Guid id,
        DictionaryItemInput input,
        DictionaryService dict,
        CancellationToken ct
    ) => TypedResults.Ok(DictionaryItemView.From(await dict.UpdateAsync(id, input, ct)));
}
