namespace CustomerTools.Benchmarks;

/// <summary>
/// The PowerShell the benchmark runs: the module's commands, and the loops users write without it,
/// in the same session (every built-in cmdlet). Variables: $base (the simulator's root, ending in
/// /), $key, $ids.
/// </summary>
internal static class Scripts
{
    /// <summary>
    /// Counts what reaches the end of the pipeline and keeps none of it, as Export-Csv would stream
    /// it on: dot-sourced so that $n is the caller's. Its own cost per object is measured apart.
    /// </summary>
    public const string Sink = ". { process { $n++ } }";

    /// <summary>By id, one after the other.</summary>
    public const string RestMethodById = """
        $headers = @{ Authorization = "Bearer $key" }
        foreach ($id in $ids) {
            (Invoke-RestMethod -Uri "${base}v1/customers/$id" -Headers $headers).data
        }
        """;

    /// <summary>By id, <paramref name="throttleLimit"/> at once (output in the order answers come).</summary>
    public static string RestMethodParallel(int throttleLimit) => $$"""
        $headers = @{ Authorization = "Bearer $key" }
        $ids | ForEach-Object -Parallel {
            (Invoke-RestMethod -Uri "$($using:base)v1/customers/$_" -Headers $using:headers).data
        } -ThrottleLimit {{throttleLimit}}
        """;

    /// <summary>Every customer, page by page, following links.next.</summary>
    public const string RestMethodPages = """
        $headers = @{ Authorization = "Bearer $key" }
        $next = '/v1/customers?page=1&pageSize=100'
        while ($next) {
            $page = Invoke-RestMethod -Uri ($base + $next.Substring(1)) -Headers $headers
            $page.data
            $next = $page.links.next
        }
        """;

    /// <summary>
    /// The page loop at its fastest in PowerShell, to tell Invoke-RestMethod's share of that loop's
    /// cost from the script's: one HttpClient, System.Text.Json's JsonDocument, and a
    /// [pscustomobject] of the fields the module's default view shows and a few more.
    /// </summary>
    public const string HttpClientPages = """
        $http = [System.Net.Http.HttpClient]::new()
        $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $key)
        $http.DefaultRequestHeaders.Accept.ParseAdd('application/json')
        $next = '/v1/customers?page=1&pageSize=100'
        while ($next) {
            $json = $http.GetStringAsync($base + $next.Substring(1)).GetAwaiter().GetResult()
            $doc = [System.Text.Json.JsonDocument]::Parse($json)
            try {
                foreach ($c in $doc.RootElement.GetProperty('data').EnumerateArray()) {
                    $a = $c.GetProperty('attributes')
                    $p = [System.Text.Json.JsonElement]::new()
                    [pscustomobject]@{
                        Id        = $c.GetProperty('id').GetString()
                        Name      = if ($a.TryGetProperty('name', [ref]$p)) { $p.GetString() }
                        Email     = if ($a.TryGetProperty('emails', [ref]$p) -and $p.GetArrayLength() -gt 0) { $p[0].GetProperty('email').GetString() }
                        Phone     = if ($a.TryGetProperty('phones', [ref]$p) -and $p.GetArrayLength() -gt 0) { $p[0].GetProperty('phone').GetString() }
                        Tags      = if ($a.TryGetProperty('tags', [ref]$p) -and $p.ValueKind -eq 'Array') { @(foreach ($t in $p.EnumerateArray()) { $t.GetString() }) } else { @() }
                        UpdatedAt = if ($a.TryGetProperty('updatedAt', [ref]$p) -and $p.ValueKind -eq 'String') { $p.GetDateTimeOffset() }
                    }
                }
                $link = $doc.RootElement.GetProperty('links').GetProperty('next')
                $next = if ($link.ValueKind -eq 'String') { $link.GetString() } else { $null }
            } finally { $doc.Dispose() }
        }
        $http.Dispose()
        """;
}
