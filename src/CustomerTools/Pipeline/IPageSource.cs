using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>Where a listing's pages come from, one after the other.</summary>
internal interface IPageSource<T>
{
    /// <summary>Starts the request for the page after <paramref name="previous"/> (the first when null), or returns null at the end.</summary>
    Task<ListPage<T>>? Next(ListPage<T>? previous, RequestContext context);
}
