// A slow phone, as Lighthouse's mobile preset has it: a 1.6 Mbit/s link with
// 150 ms latency and a CPU 4× slower. Used by the layout-shift test and the
// bench's slow-phone load.
export async function slowPhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
}
