using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using CustomerTools.Http;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>What the HTTP layer does after an attempt that did not succeed, decided without HTTP.</summary>
public sealed class SendDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Uri Root = new("https://api.example.com/v1/customers/1");
    private readonly RetryPolicy _retry = new(3, new Random(7));

    [Fact]
    public void A_same_origin_redirect_of_a_get_is_followed_three_times_then_fails()
    {
        var course = new SendCourse(Root);
        var elsewhere = new Uri("https://api.example.com/v1/customers/2");
        for (int i = 0; i < SendDecision.MaxRedirects; i++)
        {
            SendStep step = Next(Get(), Answered(301, elsewhere), course);
            Assert.Equal(SendAction.FollowRedirect, step.Action);
            Assert.Equal(elsewhere, step.Location);
            course.Redirected(elsewhere);
        }

        Assert.Equal(SendAction.Fail, Next(Get(), Answered(301, elsewhere), course).Action);
    }

    [Fact]
    public void A_redirect_of_a_post_is_not_followed() =>
        Assert.Equal(SendAction.Fail, Next(Post(idempotent: true), Answered(307, Root), new SendCourse(Root)).Action);

    [Fact]
    public void A_401_renews_a_renewable_credential_once()
    {
        var course = new SendCourse(Root);
        ApiRequest request = Get(new Authenticator(canRenew: true));

        Assert.Equal(SendAction.RenewCredential, Next(request, Answered(401), course).Action);
        course.RenewedCredential();
        Assert.Equal(SendAction.Fail, Next(request, Answered(401), course).Action);
    }

    [Fact]
    public void A_401_with_a_fixed_key_fails_at_once() =>
        Assert.Equal(SendAction.Fail, Next(Get(new Authenticator(canRenew: false)), Answered(401), new SendCourse(Root)).Action);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_429_is_waited_out_as_asked_even_for_a_create_since_it_was_not_carried_out(bool idempotent)
    {
        SendStep step = Next(Post(idempotent), Answered(429, headers: ("Retry-After", "7")), new SendCourse(Root));

        Assert.Equal(SendAction.RetryAfterWait, step.Action);
        Assert.Equal(TimeSpan.FromSeconds(7), step.Wait);
        Assert.Equal("Retry-After", step.WaitSource);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void A_gateway_failure_is_retried_for_a_safe_request_but_leaves_a_create_unknown(int status)
    {
        Assert.Equal(SendAction.RetryAfterWait, Next(Get(), Answered(status), new SendCourse(Root)).Action);
        Assert.Equal(SendAction.OutcomeUnknown, Next(Post(idempotent: false), Answered(status), new SendCourse(Root)).Action);
    }

    [Fact]
    public void A_500_fails_a_safe_request_and_leaves_a_create_unknown()
    {
        Assert.Equal(SendAction.Fail, Next(Get(), Answered(500), new SendCourse(Root)).Action);
        Assert.Equal(SendAction.OutcomeUnknown, Next(Post(idempotent: false), Answered(500), new SendCourse(Root)).Action);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public void Other_refusals_fail_at_once(int status) =>
        Assert.Equal(SendAction.Fail, Next(Get(), Answered(status), new SendCourse(Root)).Action);

    [Fact]
    public void Retries_end_at_MaxRetries()
    {
        var course = new SendCourse(Root);
        for (int i = 0; i < _retry.MaxRetries; i++)
        {
            Assert.Equal(SendAction.RetryAfterWait, Next(Get(), Answered(503), course).Action);
            course.Retried();
        }

        Assert.Equal(SendAction.Fail, Next(Get(), Answered(503), course).Action);
    }

    [Fact]
    public void A_broken_connection_is_retried_for_a_safe_request_but_leaves_a_create_unknown()
    {
        Assert.Equal(SendAction.RetryAfterWait, Next(Get(), AttemptFacts.Failed(AttemptFault.Broken), new SendCourse(Root)).Action);
        Assert.Equal(SendAction.OutcomeUnknown, Next(Post(idempotent: false), AttemptFacts.Failed(AttemptFault.Broken), new SendCourse(Root)).Action);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_connection_never_made_is_tried_once_more_then_reported(bool idempotent)
    {
        var course = new SendCourse(Root);
        AttemptFacts refused = AttemptFacts.Failed(AttemptFault.NotSent);

        SendStep step = Next(Post(idempotent), refused, course);
        Assert.Equal(SendAction.RetryAfterWait, step.Action);
        Assert.InRange(step.Wait, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        course.Retried();
        Assert.Equal(SendAction.Fail, Next(Post(idempotent), refused, course).Action);
    }

    [Fact]
    public void A_timeout_fails_a_safe_request_and_leaves_a_create_unknown()
    {
        Assert.Equal(SendAction.Fail, Next(Get(), AttemptFacts.Failed(AttemptFault.TimedOut), new SendCourse(Root)).Action);
        Assert.Equal(SendAction.OutcomeUnknown, Next(Post(idempotent: false), AttemptFacts.Failed(AttemptFault.TimedOut), new SendCourse(Root)).Action);
    }

    private static ApiRequest Get(IRequestAuthenticator? authenticator = null) =>
        new(HttpMethod.Get, Root, "customer", null) { Authenticator = authenticator };

    private static ApiRequest Post(bool idempotent) =>
        new(HttpMethod.Post, Root, "customer", null) { Idempotent = idempotent };

    private static AttemptFacts Answered(int status, Uri? location = null, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return AttemptFacts.Answered((HttpStatusCode)status, location, RateLimitHeaders.Read(response, Now));
    }

    private SendStep Next(ApiRequest request, AttemptFacts facts, SendCourse course) =>
        SendDecision.Next(request, facts, course, _retry, Now);

    private sealed class Authenticator : IRequestAuthenticator
    {
        public Authenticator(bool canRenew)
        {
            CanRenew = canRenew;
        }

        public bool CanRenew { get; }

        public Task<int> AuthorizeAsync(HttpRequestMessage request, RequestContext context) => Task.FromResult(0);

        public Task RenewAsync(int stamp, RequestContext context) => Task.CompletedTask;
    }
}
