// The consumer's whole program: calls its generated client against the base address it is given, then round-trips a
// generated model through JsonSerializer with the generated resolver. Each line it prints is checked by the test.
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClientGen.Runtime;
using Consumer;

var client = new InventoryClient(new InventoryClientOptions { BaseAddress = new Uri(args[0]), ApiKey = "consumer-key" });

var created = await client.CreateItemAsync(new NewItem { Name = "bolt", Count = 12 });
Console.WriteLine($"created {created.Id} {created.Name} {created.State}");

var items = await client.ListItemsAsync(ItemState.Active);
Console.WriteLine($"listed {items.Count} {string.Join(",", items.Select(i => i.Id))}");

try
{
    await client.GetItemAsync("missing");
    Console.WriteLine("missing item was found");
    return 1;
}
catch (ApiException<Problem> problem)
{
    Console.WriteLine($"not found {problem.StatusCode} {problem.Error.Title}");
}

var options = new JsonSerializerOptions { TypeInfoResolver = InventoryClientJsonResolver.Default };
var itemInfo = (JsonTypeInfo<Item>)options.GetTypeInfo(typeof(Item));
var json = JsonSerializer.Serialize(created, itemInfo);
var back = JsonSerializer.Deserialize(json, itemInfo)!;
Console.WriteLine($"json {(back.Id == created.Id && back.State == created.State && back.Count == created.Count ? "round-trips" : "differs")} {json}");

// A Kiota 2.x request beside ours: the same abstractions package, another client style.
var request = new Microsoft.Kiota.Abstractions.RequestInformation { HttpMethod = Microsoft.Kiota.Abstractions.Method.GET, UrlTemplate = "{+baseurl}/items" };
request.PathParameters["baseurl"] = args[0].TrimEnd('/');
await new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider().AuthenticateRequestAsync(request);
Console.WriteLine($"kiota {request.URI}");
return 0;
