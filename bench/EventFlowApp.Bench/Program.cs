using EventFlowApp.Bench;

return await BenchProgram.RunAsync(args);
