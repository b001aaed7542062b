using Lianxin.Core.Access;
using Lianxin.Web.Api;

namespace Lianxin.Web.Access;

public static class AdminEndpoints
{
    public static void MapUserApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users")
            .WithTags("用户账号（系统管理员）")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.UsersManage))
            .ProducesSignInProblems();
        g.MapGet(
                "/",
                async (
                    string? q,
                    string? role,
                    Guid? orgUnitId,
                    [AsParameters] PageQuery page,
                    UserAdminService svc,
                    CancellationToken ct
                ) => TypedResults.Ok(await svc.ListAsync(q, role, orgUnitId, page.ToRequest(), ct))
            )
            .WithName("ListUsers")
            .WithSummary("账号列表（分页）")
            .ProducesQueryProblems();
        g.MapGet("/{id}", async (string id, UserAdminService svc, CancellationToken ct) => TypedResults.Ok(await svc.GetAsync(id, ct)))
            .WithName("GetUser")
            .ProducesRecordProblems()
            .WithSummary("账号详情");
        g.MapPost("/", async (UserInput input, UserAdminService svc, CancellationToken ct) =>
            {
                var created = await svc.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/users/{created.User.Id}", created);
            })
            .WithName("CreateUser")
            .ProducesCreateProblems()
            .WithSummary("新建账号；返回一次性初始密码，首次登录须修改");
        g.MapPut("/{id}", async (string id, UserInput input, UserAdminService svc, CancellationToken ct) =>
                TypedResults.Ok(await svc.UpdateAsync(id, input, ct))
            )
            .WithName("UpdateUser")
            .WithSummary("修改账号（含角色、停用），须带 concurrencyStamp")
            .ProducesChangeProblems();
        g.MapPost("/{id}/reset-password", async (string id, UserAdminService svc, CancellationToken ct) =>
                TypedResults.Ok(new PasswordResetResponse(await svc.ResetPasswordAsync(id, ct)))
            )
            .WithName("ResetPassword")
            .WithSummary("重置为一次性初始密码")
            .ProducesChangeProblems();
        g.MapPost("/{id}/unlock", async (string id, UserAdminService svc, CancellationToken ct) =>
            {
                await svc.UnlockAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlockUser")
            .ProducesChangeProblems()
            .WithSummary("解除锁定");
    }

    public static void MapRoleApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/roles").WithTags("角色、权限和数据范围（安全管理员）").ProducesSignInProblems();
        g.MapGet("/", async (RoleAdminService svc, CancellationToken ct) => TypedResults.Ok(await svc.ListAsync(ct)))
            .WithName("ListRoles")
            .WithSummary("角色及其权限、数据范围");
        g.MapGet("/permissions", () => TypedResults.Ok(Permissions.Descriptions)).WithName("ListPermissions").WithSummary("全部权限及说明");
        g.MapPost("/", async (RoleInput input, RoleAdminService svc, CancellationToken ct) =>
            {
                var role = await svc.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/roles/{role.Id}", role);
            })
            .Idempotent()
            .WithName("CreateRole")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.RolesManage))
            .ProducesCreateProblems();
        g.MapPut("/{id}", async (string id, RoleInput input, RoleAdminService svc, CancellationToken ct) =>
                TypedResults.Ok(await svc.UpdateAsync(id, input, ct))
            )
            .WithName("UpdateRole")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.RolesManage))
            .WithSummary("修改权限和数据范围，须带 concurrencyStamp");
        g.MapDelete("/{id}", async (string id, RoleAdminService svc, CancellationToken ct) =>
            {
                await svc.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteRole")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.RolesManage))
            .WithSummary("删除自定义角色（无人使用时）")
            .ProducesChangeProblems();
    }
}
