// Built like the app (WebApplication.CreateBuilder, the output folder as content root, the same appsettings.json),
// so the only difference wrk sees is the app's own work. Any method on any path gets the same fixed 200.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

var app = builder.Build();
app.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Post], static () => Results.Text("ok"));
app.Run();
