using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Lianxin.Web.Localization;

/// <summary>How a feature adds its own resource file to the text every page reads through
/// <c>IStringLocalizer&lt;SharedResource&gt;</c> (<c>L</c>): a new feature brings its file and one call, and edits
/// no other feature's text.</summary>
public static class FeatureTexts
{
    /// <summary>Adds the resource file beside <typeparamref name="T"/> (its namespace and name) to the shared localizer.</summary>
    public static IServiceCollection AddFeatureText<T>(this IServiceCollection services)
        where T : class
    {
        services.AddSingleton(new FeatureText(typeof(T)));
        services.TryAddSingleton<IStringLocalizer<SharedResource>, FeatureTextLocalizer>();
        return services;
    }
}
