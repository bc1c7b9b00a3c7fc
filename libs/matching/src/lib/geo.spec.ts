import { distanceWords } from './geo';

describe('distanceWords', () => {
  it('never says 0.0 km, and rounds like the web client', () => {
    expect(distanceWords(0.01)).toBe('Less than 100 metres away.');
    expect(distanceWords(1.44)).toBe('1.4 km away.');
    expect(distanceWords(9.94)).toBe('9.9 km away.');
    // 9.97 would print as "10.0 km" with one decimal; the "Where" line says "10 km".
    expect(distanceWords(9.97)).toBe('10 km away.');
    expect(distanceWords(23.4)).toBe('23 km away.');
  });
});
