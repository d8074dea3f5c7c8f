/** A small scenario that flies in well under a second (one SRBM, one radar, one asset), for CLI tests. */
export function oneSrbmScenario(name: string): string {
  return `name: ${name}
epoch: 2030-06-01T00:00:00Z
duration: 10 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10 }
threats:
  - id: srbm-1
    vehicle: notional-srbm
    launch: { at: { lat: 37.0 deg, lon: 135.2 deg, alt: 0 m }, time: 0 s }
    target: port
sensors:
  - { id: site-radar, kind: radar, model: notional-s-band, at: { lat: 36.5 deg, lon: 137.0 deg, alt: 20 m } }
`;
}
