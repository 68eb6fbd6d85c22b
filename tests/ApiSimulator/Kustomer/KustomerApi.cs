using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>Kustomer's customer and company routes (docs/api/kustomer.md §3-§6, docs/api/related.md §2), answered from the store.</summary>
internal sealed class KustomerApi
{
    private const string CustomersPath = "/v1/customers";
    private const string CompaniesPath = "/v1/companies";

    private readonly KustomerStore _store;
    private readonly KustomerSearchApi _search;

    public KustomerApi(KustomerStore store, KustomerSearchApi search)
    {
        _store = store;
        _search = search;
    }

    public static bool Handles(string rawPath) => rawPath.StartsWith("/v1/", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        string? auth = request.Header("Authorization");
        if (auth == $"Bearer {KustomerStore.NoRoleKey}")
        {
            return Answers.Json(context, 403, """{"errors":[{"status":403,"code":"forbidden","title":"Forbidden: missing org.permission.customer.read"}]}""");
        }

        if (auth != $"Bearer {KustomerStore.ValidKey}" && auth != $"Bearer {KustomerStore.NoSearchRoleKey}")
        {
            return Answers.Json(context, 401, """{"errors":[{"status":"401","code":"unauthorized","title":"Expired token"}]}""");
        }

        if (request.Method == "POST" && request.RawPath == KustomerSearchApi.SearchPath)
        {
            return _search.HandleAsync(context, request);
        }

        if (request.Method != "GET")
        {
            return Answers.Json(context, 405, """{"errors":[{"status":405,"code":"method_not_allowed","title":"Method Not Allowed"}]}""");
        }

        if (request.RawPath == CustomersPath)
        {
            return ListAsync(context, request);
        }

        if (request.RawPath == CompaniesPath)
        {
            return ListCompaniesAsync(context, request);
        }

        if (request.RawPath.StartsWith(CompaniesPath + "/", StringComparison.Ordinal))
        {
            string? company = _store.Companies.Find(Uri.UnescapeDataString(request.RawPath.Substring(CompaniesPath.Length + 1)));
            return company is null ? NotFound(context, "id") : Answers.Json(context, 200, "{\"data\":" + company + "}");
        }

        if (!request.RawPath.StartsWith(CustomersPath + "/", StringComparison.Ordinal))
        {
            return NotFound(context, "path");
        }

        // One segment after /v1/customers/: an id, or "email=…" / "externalId=…" / "phone=…".
        string segment = request.RawPath.Substring(CustomersPath.Length + 1);
        if (segment.Contains('/', StringComparison.Ordinal))
        {
            return NotFound(context, "path");
        }

        int equals = segment.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            string? customer = _store.Find(Uri.UnescapeDataString(segment));
            return customer is null ? NotFound(context, "id") : Answers.Json(context, 200, "{\"data\":" + customer + "}");
        }

        request.LookupField = segment.Substring(0, equals);
        request.LookupValue = Uri.UnescapeDataString(segment.Substring(equals + 1));
        var found = _store.Lookup(request.LookupField, request.LookupValue);
        return found.Count switch
        {
            0 => NotFound(context, request.LookupField),
            1 => Answers.Json(context, 200, "{\"data\":" + found[0] + "}"),
            _ => Answers.Json(context, 200, "{\"data\":[" + string.Join(",", found) + "]}"),
        };
    }

    private Task ListAsync(HttpContext context, RecordedRequest request)
    {
        if (!TryPaging(request, out int page, out int pageSize))
        {
            return BadPaging(context);
        }

        var items = _store.ServeListPage(page, pageSize, out int total);
        int totalPages = KustomerPages.TotalPages(total, pageSize);
        bool hasNext = page < totalPages || (_store.LinkPastLastPage && page == totalPages);
        return Answers.Json(context, 200, KustomerPages.Envelope(CustomersPath, page, pageSize, total, items, hasNext));
    }

    /// <summary>
    /// GET /v1/companies: the list narrowed by <c>externalId</c> or <c>filter</c>; with both,
    /// both are ignored and every company comes (docs/api/related.md §2).
    /// </summary>
    private Task ListCompaniesAsync(HttpContext context, RecordedRequest request)
    {
        if (!TryPaging(request, out int page, out int pageSize))
        {
            return BadPaging(context);
        }

        var all = _store.Companies.List(request.Query.GetValueOrDefault("externalId"), request.Query.GetValueOrDefault("filter"));
        var items = all.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        return Answers.Json(context, 200, KustomerPages.Envelope(CompaniesPath, page, pageSize, all.Count, items, page < KustomerPages.TotalPages(all.Count, pageSize)));
    }

    private static bool TryPaging(RecordedRequest request, out int page, out int pageSize)
    {
        page = Number(request, "page", 1);
        pageSize = Number(request, "pageSize", 100);
        return page >= 1 && pageSize >= 1 && pageSize <= 100;
    }

    private static Task BadPaging(HttpContext context) =>
        Answers.Json(context, 400, """{"errors":[{"code":"bad_request","message":"Invalid request body or parameters.","meta":{}}]}""");

    private static int Number(RecordedRequest request, string name, int fallback) =>
        request.Query.TryGetValue(name, out string? text) && int.TryParse(text, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    private static Task NotFound(HttpContext context, string parameter) =>
        Answers.Json(context, 404, """{"errors":[{"status":404,"code":"not_found","title":"Not Found","source":{"parameter":""" + JsonSerializer.Serialize(parameter) + "}}]}");
}
