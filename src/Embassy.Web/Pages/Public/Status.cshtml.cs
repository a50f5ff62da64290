using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Public;

/// <summary>Readable pages for error statuses (404, 403…).</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "Error";

    public string Text { get; private set; } = string.Empty;

    public void OnGet(int code)
    {
        (Title, Text) = code switch
        {
            404 => ("Not found", "There is nothing at this address."),
            403 => ("Not allowed", "Your role does not allow this page."),
            400 => ("Bad request", "The request could not be read; if you submitted a form, reload the page and try again."),
            _ => ("Error", "Something went wrong."),
        };
    }
}
