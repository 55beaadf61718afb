// An offline map of the chosen city: US Census county shapes (us-atlas TopoJSON, shipped with the app) projected
// with d3-geo and zoomed to the day's requests and staff, with each person's route drawn in order.
import { useEffect, useMemo, useState } from 'react';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { DispatchCity, FieldStaff } from '../../../shared/domain/dispatch';
import type { LocalFieldRequest } from '../../data';

const WIDTH = 640;
const HEIGHT = 420;
const PALETTE = ['#1f6feb', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d'];

let countiesPromise: Promise<FeatureCollection<Geometry>> | null = null;
/** The county shapes, loaded once (a separate chunk of the app, no network service). */
function loadCounties(): Promise<FeatureCollection<Geometry>> {
  countiesPromise ??= import('us-atlas/counties-10m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ counties: GeometryCollection }>;
    return feature(topo, topo.objects.counties) as FeatureCollection<Geometry>;
  });
  return countiesPromise;
}

export interface DispatchMapProps {
  city: DispatchCity;
  requests: readonly LocalFieldRequest[];
  staff: readonly FieldStaff[];
  routes: ReadonlyMap<string, readonly LocalFieldRequest[]>;
  selectedId: string | null;
}

export function DispatchMap({ city, requests, staff, routes, selectedId }: DispatchMapProps) {
  const [counties, setCounties] = useState<FeatureCollection<Geometry> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadCounties().then((c) => live && setCounties(c), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const projection = useMemo(() => {
    const points: Array<[number, number]> = [[city.longitude, city.latitude]];
    for (const r of requests) points.push([r.longitude, r.latitude]);
    for (const s of staff) points.push([s.startLongitude, s.startLatitude]);
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const pad = 0.02;
    const box: Feature = {
      type: 'Feature', properties: {},
      geometry: { type: 'MultiPoint', coordinates: [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]] },
    };
    return geoMercator().fitExtent([[16, 16], [WIDTH - 16, HEIGHT - 16]], box);
  }, [city, requests, staff]);

  const countyPaths = useMemo(() => {
    if (!counties) return [];
    const path = geoPath(projection);
    return counties.features.flatMap((f, k) => {
      const [[x0, y0], [x1, y1]] = path.bounds(f);
      if (x1 < 0 || y1 < 0 || x0 > WIDTH || y0 > HEIGHT) return [];
      const d = path(f);
      return d ? [{ key: String(f.id ?? k), d }] : [];
    });
  }, [counties, projection]);

  const xy = (lon: number, lat: number): [number, number] => projection([lon, lat]) ?? [0, 0];
  const colorOf = new Map(staff.map((s, k) => [s.userId, PALETTE[k % PALETTE.length]!]));
  const unassigned = requests.filter((r) => r.status === 'unassigned');

  return (
    <figure className="hc-dispatch-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="dispatch-map-title dispatch-map-desc">
        <title id="dispatch-map-title">{`Map of ${city.name}`}</title>
        <desc id="dispatch-map-desc">{`${requests.length} requests, ${unassigned.length} unassigned, and the routes of ${routes.size} people on shift, drawn on county outlines.`}</desc>
        <rect width={WIDTH} height={HEIGHT} fill="#eef2f5" />
        <g fill="#fbfbf8" stroke="#b8c0c8" strokeWidth={0.8}>
          {countyPaths.map((c) => <path key={c.key} d={c.d} />)}
        </g>
        {staff.map((s) => {
          const route = routes.get(s.userId) ?? [];
          const pts = [xy(s.startLongitude, s.startLatitude), ...route.map((r) => xy(r.longitude, r.latitude))];
          return (
            <g key={s.userId} stroke={colorOf.get(s.userId)} fill={colorOf.get(s.userId)}>
              {pts.length > 1 ? <polyline points={pts.map((p) => p.join(',')).join(' ')} fill="none" strokeWidth={2} strokeOpacity={0.8} /> : null}
              <rect x={pts[0]![0] - 5} y={pts[0]![1] - 5} width={10} height={10} strokeWidth={1}>
                <title>{`${s.displayName} starts here`}</title>
              </rect>
              {route.map((r, k) => {
                const [x, y] = xy(r.longitude, r.latitude);
                return (
                  <g key={r.id}>
                    <circle cx={x} cy={y} r={selectedId === r.id ? 9 : 7} fill="#fff" strokeWidth={2} />
                    <text x={x} y={y + 3.5} textAnchor="middle" fontSize={9} stroke="none">{k + 1}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {unassigned.map((r) => {
          const [x, y] = xy(r.longitude, r.latitude);
          return (
            <path key={r.id} d={`M${x},${y - 8} L${x + 7},${y + 5} L${x - 7},${y + 5} Z`} fill={selectedId === r.id ? '#111' : '#6b7280'} stroke="#fff">
              <title>{`Unassigned: ${r.reason}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="hc-muted">
        {failed ? 'County outlines could not be loaded; requests and routes are still drawn. ' : ''}
        Squares: where each person starts. Numbered circles: route stops in order. Triangles: unassigned requests. Shapes: US Census counties (us-atlas).
      </figcaption>
    </figure>
  );
}
