import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const [route, x, y, w, h, out, vw] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: +(vw||1280), height: 900 } });
await p.goto(`http://127.0.0.1:8090/tally/#/${route}`);
await p.waitForTimeout(1500);
await p.screenshot({ path: out, fullPage: true, clip: { x: +x, y: +y, width: +w, height: +h } });
await b.close();
