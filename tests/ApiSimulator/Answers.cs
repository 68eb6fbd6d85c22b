using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator;

/// <summary>Writes an answer with a body of a given type.</summary>
internal static class Answers
{
    public static Task Json(HttpContext context, int status, string body, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, 0, bytes.Length, context.RequestAborted);
    }

    /// <summary>Help Scout's error shape, <c>application/vnd.error+json</c>.</summary>
    public static Task VndError(HttpContext context, int status, string body) =>
        Json(context, status, body, "application/vnd.error+json");
}
