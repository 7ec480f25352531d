using NeuroNav.Cli;

return await NeuroNavApp.RunAsync(args);
