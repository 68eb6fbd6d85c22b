namespace CustomerTools.Benchmarks;

/// <summary>The PowerShell the benchmark runs: the module's commands, and the baseline users write today.</summary>
internal static class Scripts
{
    /// <summary>
    /// Counts what reaches the end of the pipeline and keeps none of it, as Export-Csv would stream
    /// it on: dot-sourced so that $n is the caller's. Its own cost per object is measured apart.
    /// </summary>
    public const string Sink = ". { process { $n++ } }";

    /// <summary>
    /// The hand-rolled loop of today, written as a user would in a session that has only the core
    /// cmdlets (no Invoke-RestMethod or ConvertFrom-Json here): one HttpClient, one request after
    /// another, System.Text.Json's JsonDocument, and a [pscustomobject] per customer with the fields
    /// the module's default view shows and a few more. Variables: $base, $key.
    /// </summary>
    public const string BaselineSetup = """
        $http = [System.Net.Http.HttpClient]::new()
        $http.DefaultRequestHeaders.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $key)
        $http.DefaultRequestHeaders.Accept.ParseAdd('application/json')

        function ConvertTo-Customer($data) {
            $a = $data.GetProperty('attributes')
            $p = [System.Text.Json.JsonElement]::new()
            [pscustomobject]@{
                Id          = $data.GetProperty('id').GetString()
                Name        = if ($a.TryGetProperty('name', [ref]$p)) { $p.GetString() }
                DisplayName = if ($a.TryGetProperty('displayName', [ref]$p)) { $p.GetString() }
                Email       = if ($a.TryGetProperty('emails', [ref]$p) -and $p.GetArrayLength() -gt 0) { $p[0].GetProperty('email').GetString() }
                Phone       = if ($a.TryGetProperty('phones', [ref]$p) -and $p.GetArrayLength() -gt 0) { $p[0].GetProperty('phone').GetString() }
                ExternalId  = if ($a.TryGetProperty('externalId', [ref]$p)) { $p.GetString() }
                Tags        = if ($a.TryGetProperty('tags', [ref]$p) -and $p.ValueKind -eq 'Array') { @(foreach ($t in $p.EnumerateArray()) { $t.GetString() }) } else { @() }
                Locale      = if ($a.TryGetProperty('locale', [ref]$p)) { $p.GetString() }
                TimeZone    = if ($a.TryGetProperty('timeZone', [ref]$p)) { $p.GetString() }
                Verified    = $a.TryGetProperty('verified', [ref]$p) -and $p.ValueKind -eq 'True'
                CreatedAt   = if ($a.TryGetProperty('createdAt', [ref]$p) -and $p.ValueKind -eq 'String') { $p.GetDateTimeOffset() }
                UpdatedAt   = if ($a.TryGetProperty('updatedAt', [ref]$p) -and $p.ValueKind -eq 'String') { $p.GetDateTimeOffset() }
                Conversations = if ($a.TryGetProperty('conversationCounts', [ref]$p) -and $p.ValueKind -eq 'Object') { $p.GetProperty('all').GetInt32() }
            }
        }
        """;

    /// <summary>By id, one after the other. Variables: $ids (and those of the setup).</summary>
    public const string BaselineById = BaselineSetup + """

        foreach ($id in $ids) {
            $json = $http.GetStringAsync("${base}v1/customers/$id").GetAwaiter().GetResult()
            $doc = [System.Text.Json.JsonDocument]::Parse($json)
            try { ConvertTo-Customer $doc.RootElement.GetProperty('data') } finally { $doc.Dispose() }
        }
        $http.Dispose()
        """;

    /// <summary>Every customer, page by page, following links.next.</summary>
    public const string BaselineList = BaselineSetup + """

        $next = '/v1/customers?page=1&pageSize=100'
        while ($next) {
            $json = $http.GetStringAsync($base + $next.Substring(1)).GetAwaiter().GetResult()
            $doc = [System.Text.Json.JsonDocument]::Parse($json)
            try {
                foreach ($c in $doc.RootElement.GetProperty('data').EnumerateArray()) { ConvertTo-Customer $c }
                $link = $doc.RootElement.GetProperty('links').GetProperty('next')
                $next = if ($link.ValueKind -eq 'String') { $link.GetString() } else { $null }
            } finally { $doc.Dispose() }
        }
        $http.Dispose()
        """;
}
