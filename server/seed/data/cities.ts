// Demo service cities: downtown coordinates, time zone, real ZIP codes with approximate centroids, and real street names.
import type { UsState } from '../../../shared/domain/states';

export interface DemoZip {
  zip: string;
  lat: number;
  lon: number;
}

export interface DemoCity {
  id: string;
  /** Display name of the service city. */
  name: string;
  /** City as written in a postal address. */
  postalCity: string;
  state: UsState;
  timeZone: string;
  /** In-person clinic and mobile (home) visits offered; every city has video visits. */
  inPerson: boolean;
  lat: number;
  lon: number;
  /** Telephone area code used for fictional 555-01xx numbers. */
  areaCode: string;
  /** Relative share of demo patients living in this city. */
  patientWeight: number;
  /** States next door, where a local nurse practitioner or nurse may also hold a license. */
  neighborStates: readonly UsState[];
  zips: readonly DemoZip[];
  streets: readonly string[];
}

// ZIP centroids for Seattle, Washington DC, Denver and New York are taken from a public ZIP-centroid list;
// the others are approximate (within about a kilometre), which is all the demo needs (routing sketches, maps).
export const DEMO_CITIES: readonly DemoCity[] = [
  {
    id: 'seattle', name: 'Seattle', postalCity: 'Seattle', state: 'WA', timeZone: 'America/Los_Angeles', inPerson: true,
    lat: 47.6062, lon: -122.3321, areaCode: '206', patientWeight: 4, neighborStates: ['OR', 'ID'],
    zips: [
      { zip: '98101', lat: 47.6115, lon: -122.3323 }, { zip: '98102', lat: 47.6300, lon: -122.3226 },
      { zip: '98103', lat: 47.6736, lon: -122.3444 }, { zip: '98105', lat: 47.6634, lon: -122.3048 },
      { zip: '98107', lat: 47.6691, lon: -122.3753 }, { zip: '98109', lat: 47.6321, lon: -122.3462 },
      { zip: '98112', lat: 47.6292, lon: -122.2995 }, { zip: '98115', lat: 47.6849, lon: -122.2996 },
      { zip: '98116', lat: 47.5741, lon: -122.3941 }, { zip: '98117', lat: 47.6859, lon: -122.3796 },
      { zip: '98118', lat: 47.5405, lon: -122.2762 }, { zip: '98122', lat: 47.6114, lon: -122.3091 },
      { zip: '98125', lat: 47.7171, lon: -122.3031 }, { zip: '98144', lat: 47.5861, lon: -122.3034 },
    ],
    streets: [
      'Pine St', 'Pike St', 'Madison St', 'Aurora Ave N', 'Greenwood Ave N', 'Fremont Ave N', 'Stone Way N',
      'Roosevelt Way NE', '15th Ave NE', 'Rainier Ave S', 'Beacon Ave S', 'California Ave SW', 'Queen Anne Ave N',
      'Eastlake Ave E', 'Broadway E', 'NW Market St', 'Dexter Ave N', '35th Ave NE', 'Lake City Way NE', 'E Union St',
    ],
  },
  {
    id: 'washington-dc', name: 'Washington DC', postalCity: 'Washington', state: 'DC', timeZone: 'America/New_York', inPerson: true,
    lat: 38.9072, lon: -77.0369, areaCode: '202', patientWeight: 2, neighborStates: ['MD', 'VA'],
    zips: [
      { zip: '20001', lat: 38.9109, lon: -77.0182 }, { zip: '20002', lat: 38.9018, lon: -76.9907 },
      { zip: '20003', lat: 38.8835, lon: -76.9900 }, { zip: '20005', lat: 38.9067, lon: -77.0312 },
      { zip: '20007', lat: 38.9149, lon: -77.0732 }, { zip: '20008', lat: 38.9370, lon: -77.0600 },
      { zip: '20009', lat: 38.9201, lon: -77.0368 }, { zip: '20010', lat: 38.9329, lon: -77.0349 },
      { zip: '20011', lat: 38.9522, lon: -77.0212 }, { zip: '20016', lat: 38.9381, lon: -77.0856 },
      { zip: '20017', lat: 38.9373, lon: -76.9925 }, { zip: '20019', lat: 38.8915, lon: -76.9383 },
      { zip: '20020', lat: 38.8597, lon: -76.9738 }, { zip: '20024', lat: 38.8769, lon: -77.0160 },
      { zip: '20036', lat: 38.9092, lon: -77.0428 },
    ],
    streets: [
      'Connecticut Ave NW', 'Massachusetts Ave NW', 'Wisconsin Ave NW', '14th St NW', '16th St NW', 'U St NW',
      'Georgia Ave NW', 'Pennsylvania Ave SE', 'H St NE', 'Rhode Island Ave NE', 'Columbia Rd NW', 'K St NW',
      'Benning Rd NE', 'Minnesota Ave SE', 'M St SE', 'Kenyon St NW', 'Upshur St NW',
    ],
  },
  {
    id: 'baltimore', name: 'Baltimore', postalCity: 'Baltimore', state: 'MD', timeZone: 'America/New_York', inPerson: true,
    lat: 39.2904, lon: -76.6122, areaCode: '410', patientWeight: 1.5, neighborStates: ['DC', 'VA', 'PA'],
    zips: [
      { zip: '21201', lat: 39.2947, lon: -76.6250 }, { zip: '21202', lat: 39.2963, lon: -76.6075 },
      { zip: '21205', lat: 39.3022, lon: -76.5642 }, { zip: '21209', lat: 39.3716, lon: -76.6689 },
      { zip: '21210', lat: 39.3572, lon: -76.6364 }, { zip: '21211', lat: 39.3294, lon: -76.6394 },
      { zip: '21212', lat: 39.3670, lon: -76.6140 }, { zip: '21213', lat: 39.3146, lon: -76.5802 },
      { zip: '21214', lat: 39.3521, lon: -76.5643 }, { zip: '21218', lat: 39.3302, lon: -76.6014 },
      { zip: '21224', lat: 39.2811, lon: -76.5553 }, { zip: '21230', lat: 39.2703, lon: -76.6233 },
      { zip: '21231', lat: 39.2878, lon: -76.5921 },
    ],
    streets: [
      'N Charles St', 'St Paul St', 'N Calvert St', 'Eastern Ave', 'Fleet St', 'Boston St', 'Falls Rd', 'Roland Ave',
      'York Rd', 'Harford Rd', 'Belair Rd', 'Greenmount Ave', 'E North Ave', 'Light St', 'E Fort Ave', 'W 36th St',
    ],
  },
  {
    id: 'philadelphia', name: 'Philadelphia', postalCity: 'Philadelphia', state: 'PA', timeZone: 'America/New_York', inPerson: true,
    lat: 39.9526, lon: -75.1652, areaCode: '215', patientWeight: 1.5, neighborStates: ['NJ', 'DE'],
    zips: [
      { zip: '19102', lat: 39.9527, lon: -75.1660 }, { zip: '19103', lat: 39.9526, lon: -75.1740 },
      { zip: '19104', lat: 39.9597, lon: -75.1968 }, { zip: '19106', lat: 39.9476, lon: -75.1443 },
      { zip: '19107', lat: 39.9510, lon: -75.1590 }, { zip: '19119', lat: 40.0542, lon: -75.1891 },
      { zip: '19122', lat: 39.9780, lon: -75.1454 }, { zip: '19123', lat: 39.9656, lon: -75.1471 },
      { zip: '19125', lat: 39.9780, lon: -75.1260 }, { zip: '19130', lat: 39.9675, lon: -75.1720 },
      { zip: '19143', lat: 39.9443, lon: -75.2270 }, { zip: '19146', lat: 39.9381, lon: -75.1818 },
      { zip: '19147', lat: 39.9364, lon: -75.1530 }, { zip: '19148', lat: 39.9213, lon: -75.1590 },
    ],
    streets: [
      'Market St', 'Chestnut St', 'Walnut St', 'Spruce St', 'Pine St', 'South St', 'N Broad St', 'Girard Ave',
      'Germantown Ave', 'Frankford Ave', 'E Passyunk Ave', 'Baltimore Ave', 'Lancaster Ave', 'Ridge Ave',
      'Spring Garden St', 'Fairmount Ave', 'Snyder Ave',
    ],
  },
  {
    id: 'chicago', name: 'Chicago', postalCity: 'Chicago', state: 'IL', timeZone: 'America/Chicago', inPerson: true,
    lat: 41.8781, lon: -87.6298, areaCode: '312', patientWeight: 2, neighborStates: ['IN', 'WI'],
    zips: [
      { zip: '60605', lat: 41.8670, lon: -87.6170 }, { zip: '60607', lat: 41.8720, lon: -87.6510 },
      { zip: '60608', lat: 41.8490, lon: -87.6700 }, { zip: '60610', lat: 41.9040, lon: -87.6330 },
      { zip: '60611', lat: 41.8940, lon: -87.6200 }, { zip: '60613', lat: 41.9540, lon: -87.6570 },
      { zip: '60614', lat: 41.9220, lon: -87.6520 }, { zip: '60615', lat: 41.8020, lon: -87.6030 },
      { zip: '60618', lat: 41.9470, lon: -87.7030 }, { zip: '60622', lat: 41.9020, lon: -87.6830 },
      { zip: '60625', lat: 41.9710, lon: -87.7020 }, { zip: '60637', lat: 41.7810, lon: -87.6020 },
      { zip: '60640', lat: 41.9720, lon: -87.6630 }, { zip: '60647', lat: 41.9210, lon: -87.7020 },
      { zip: '60657', lat: 41.9400, lon: -87.6530 },
    ],
    streets: [
      'N Clark St', 'N Halsted St', 'N Milwaukee Ave', 'N Damen Ave', 'N Western Ave', 'W Belmont Ave',
      'W Fullerton Ave', 'W Armitage Ave', 'N Sheridan Rd', 'S Michigan Ave', 'S Wabash Ave', 'W Roosevelt Rd',
      'W Division St', 'N Broadway', 'E 55th St', 'W Chicago Ave', 'N Lincoln Ave', 'S Cottage Grove Ave',
    ],
  },
  {
    id: 'dallas', name: 'Dallas', postalCity: 'Dallas', state: 'TX', timeZone: 'America/Chicago', inPerson: true,
    lat: 32.7767, lon: -96.7970, areaCode: '214', patientWeight: 1.5, neighborStates: ['OK', 'LA'],
    zips: [
      { zip: '75201', lat: 32.7880, lon: -96.7990 }, { zip: '75204', lat: 32.8030, lon: -96.7860 },
      { zip: '75205', lat: 32.8360, lon: -96.7960 }, { zip: '75206', lat: 32.8310, lon: -96.7690 },
      { zip: '75208', lat: 32.7520, lon: -96.8390 }, { zip: '75209', lat: 32.8460, lon: -96.8260 },
      { zip: '75214', lat: 32.8250, lon: -96.7480 }, { zip: '75218', lat: 32.8460, lon: -96.6970 },
      { zip: '75219', lat: 32.8110, lon: -96.8130 }, { zip: '75223', lat: 32.7940, lon: -96.7470 },
      { zip: '75225', lat: 32.8630, lon: -96.7900 }, { zip: '75226', lat: 32.7890, lon: -96.7680 },
      { zip: '75230', lat: 32.9000, lon: -96.7900 }, { zip: '75231', lat: 32.8760, lon: -96.7490 },
    ],
    streets: [
      'Ross Ave', 'McKinney Ave', 'Lemmon Ave', 'Greenville Ave', 'Cedar Springs Rd', 'Gaston Ave', 'Swiss Ave',
      'Mockingbird Ln', 'Preston Rd', 'Inwood Rd', 'Live Oak St', 'Elm St', 'Commerce St', 'W Jefferson Blvd',
      'Abrams Rd', 'Skillman St', 'N Bishop Ave',
    ],
  },
  {
    id: 'boston', name: 'Boston', postalCity: 'Boston', state: 'MA', timeZone: 'America/New_York', inPerson: true,
    lat: 42.3601, lon: -71.0589, areaCode: '617', patientWeight: 1.5, neighborStates: ['NH', 'RI'],
    zips: [
      { zip: '02108', lat: 42.3576, lon: -71.0651 }, { zip: '02113', lat: 42.3652, lon: -71.0553 },
      { zip: '02114', lat: 42.3611, lon: -71.0682 }, { zip: '02115', lat: 42.3430, lon: -71.0920 },
      { zip: '02116', lat: 42.3503, lon: -71.0768 }, { zip: '02118', lat: 42.3380, lon: -71.0700 },
      { zip: '02119', lat: 42.3230, lon: -71.0850 }, { zip: '02122', lat: 42.2910, lon: -71.0430 },
      { zip: '02124', lat: 42.2860, lon: -71.0710 }, { zip: '02127', lat: 42.3350, lon: -71.0400 },
      { zip: '02128', lat: 42.3750, lon: -71.0250 }, { zip: '02129', lat: 42.3800, lon: -71.0620 },
      { zip: '02130', lat: 42.3090, lon: -71.1140 }, { zip: '02134', lat: 42.3570, lon: -71.1310 },
      { zip: '02135', lat: 42.3480, lon: -71.1570 },
    ],
    streets: [
      'Beacon St', 'Commonwealth Ave', 'Boylston St', 'Newbury St', 'Tremont St', 'Washington St',
      'Massachusetts Ave', 'Huntington Ave', 'Columbus Ave', 'Dorchester Ave', 'Centre St', 'Harrison Ave',
      'Cambridge St', 'Hanover St', 'Blue Hill Ave', 'Brighton Ave', 'Marlborough St',
    ],
  },
  {
    id: 'los-angeles', name: 'Los Angeles', postalCity: 'Los Angeles', state: 'CA', timeZone: 'America/Los_Angeles', inPerson: true,
    lat: 34.0522, lon: -118.2437, areaCode: '213', patientWeight: 2, neighborStates: ['NV', 'AZ'],
    zips: [
      { zip: '90004', lat: 34.0761, lon: -118.3033 }, { zip: '90005', lat: 34.0580, lon: -118.3013 },
      { zip: '90006', lat: 34.0486, lon: -118.2932 }, { zip: '90007', lat: 34.0294, lon: -118.2879 },
      { zip: '90012', lat: 34.0610, lon: -118.2390 }, { zip: '90019', lat: 34.0490, lon: -118.3390 },
      { zip: '90024', lat: 34.0660, lon: -118.4350 }, { zip: '90026', lat: 34.0790, lon: -118.2640 },
      { zip: '90027', lat: 34.1250, lon: -118.2920 }, { zip: '90028', lat: 34.1000, lon: -118.3270 },
      { zip: '90034', lat: 34.0290, lon: -118.4000 }, { zip: '90039', lat: 34.1110, lon: -118.2610 },
      { zip: '90041', lat: 34.1370, lon: -118.2070 }, { zip: '90042', lat: 34.1150, lon: -118.1920 },
      { zip: '90066', lat: 34.0030, lon: -118.4310 },
    ],
    streets: [
      'Sunset Blvd', 'Wilshire Blvd', 'Santa Monica Blvd', 'Hollywood Blvd', 'N Vermont Ave', 'S Western Ave',
      'S Figueroa St', 'W Olympic Blvd', 'W Pico Blvd', 'Venice Blvd', 'S La Brea Ave', 'N Fairfax Ave', 'York Blvd',
      'Colorado Blvd', 'Silver Lake Blvd', 'Hillhurst Ave', 'Echo Park Ave', 'Westwood Blvd', 'Beverly Blvd',
    ],
  },
  {
    id: 'new-york', name: 'New York', postalCity: 'New York', state: 'NY', timeZone: 'America/New_York', inPerson: false,
    lat: 40.7128, lon: -74.0060, areaCode: '212', patientWeight: 2, neighborStates: ['NJ', 'CT'],
    zips: [
      { zip: '10002', lat: 40.7157, lon: -73.9875 }, { zip: '10003', lat: 40.7316, lon: -73.9889 },
      { zip: '10009', lat: 40.7267, lon: -73.9794 }, { zip: '10011', lat: 40.7411, lon: -73.9991 },
      { zip: '10014', lat: 40.7344, lon: -74.0052 }, { zip: '10016', lat: 40.7452, lon: -73.9781 },
      { zip: '10021', lat: 40.7693, lon: -73.9580 }, { zip: '10023', lat: 40.7766, lon: -73.9822 },
      { zip: '10024', lat: 40.7866, lon: -73.9757 }, { zip: '10025', lat: 40.7979, lon: -73.9677 },
      { zip: '10027', lat: 40.8114, lon: -73.9537 }, { zip: '10028', lat: 40.7762, lon: -73.9529 },
      { zip: '10029', lat: 40.7921, lon: -73.9443 }, { zip: '10031', lat: 40.8249, lon: -73.9498 },
      { zip: '10033', lat: 40.8492, lon: -73.9355 },
    ],
    streets: [
      'Broadway', 'Amsterdam Ave', 'Columbus Ave', 'Lexington Ave', '3rd Ave', '2nd Ave', '1st Ave', 'Avenue A',
      'W 86th St', 'E 72nd St', 'Riverside Dr', 'St Nicholas Ave', 'Bleecker St', 'Hudson St', 'E 14th St',
      'Madison Ave', 'Fort Washington Ave', 'W 110th St',
    ],
  },
  {
    id: 'atlanta', name: 'Atlanta', postalCity: 'Atlanta', state: 'GA', timeZone: 'America/New_York', inPerson: false,
    lat: 33.7490, lon: -84.3880, areaCode: '404', patientWeight: 1, neighborStates: ['AL', 'SC'],
    zips: [
      { zip: '30303', lat: 33.7530, lon: -84.3900 }, { zip: '30305', lat: 33.8320, lon: -84.3850 },
      { zip: '30306', lat: 33.7860, lon: -84.3520 }, { zip: '30307', lat: 33.7690, lon: -84.3360 },
      { zip: '30308', lat: 33.7710, lon: -84.3760 }, { zip: '30309', lat: 33.7980, lon: -84.3880 },
      { zip: '30310', lat: 33.7280, lon: -84.4230 }, { zip: '30312', lat: 33.7460, lon: -84.3780 },
      { zip: '30314', lat: 33.7560, lon: -84.4250 }, { zip: '30316', lat: 33.7280, lon: -84.3350 },
      { zip: '30317', lat: 33.7500, lon: -84.3160 }, { zip: '30318', lat: 33.7920, lon: -84.4460 },
      { zip: '30324', lat: 33.8200, lon: -84.3550 },
    ],
    streets: [
      'Peachtree St NE', 'Ponce de Leon Ave NE', 'North Ave NE', 'Piedmont Ave NE', 'Spring St NW',
      'W Peachtree St NW', 'N Highland Ave NE', 'Moreland Ave SE', 'Memorial Dr SE', 'Edgewood Ave SE', 'Boulevard NE',
      'Howell Mill Rd NW', 'Northside Dr NW', 'Briarcliff Rd NE', 'Cascade Rd SW', 'DeKalb Ave NE',
    ],
  },
  {
    id: 'denver', name: 'Denver', postalCity: 'Denver', state: 'CO', timeZone: 'America/Denver', inPerson: false,
    lat: 39.7392, lon: -104.9903, areaCode: '303', patientWeight: 1, neighborStates: ['WY', 'NM'],
    zips: [
      { zip: '80203', lat: 39.7310, lon: -104.9830 }, { zip: '80205', lat: 39.7590, lon: -104.9660 },
      { zip: '80206', lat: 39.7310, lon: -104.9530 }, { zip: '80209', lat: 39.7072, lon: -104.9673 },
      { zip: '80210', lat: 39.6782, lon: -104.9629 }, { zip: '80211', lat: 39.7661, lon: -105.0206 },
      { zip: '80212', lat: 39.7733, lon: -105.0462 }, { zip: '80218', lat: 39.7322, lon: -104.9720 },
      { zip: '80219', lat: 39.6964, lon: -105.0332 }, { zip: '80220', lat: 39.7354, lon: -104.9139 },
      { zip: '80222', lat: 39.6732, lon: -104.9276 }, { zip: '80224', lat: 39.6913, lon: -104.9109 },
      { zip: '80238', lat: 39.7589, lon: -104.8796 },
    ],
    streets: [
      'E Colfax Ave', 'S Broadway', 'Speer Blvd', 'Federal Blvd', 'Colorado Blvd', 'E 17th Ave', 'Larimer St',
      'Blake St', 'Downing St', 'York St', 'Josephine St', 'Tennyson St', 'Sheridan Blvd', 'E Evans Ave',
      'E Alameda Ave', 'Zuni St', 'S Pearl St',
    ],
  },
  {
    id: 'houston', name: 'Houston', postalCity: 'Houston', state: 'TX', timeZone: 'America/Chicago', inPerson: false,
    lat: 29.7604, lon: -95.3698, areaCode: '713', patientWeight: 1, neighborStates: ['LA', 'OK'],
    zips: [
      { zip: '77002', lat: 29.7560, lon: -95.3650 }, { zip: '77003', lat: 29.7490, lon: -95.3460 },
      { zip: '77004', lat: 29.7250, lon: -95.3630 }, { zip: '77005', lat: 29.7180, lon: -95.4240 },
      { zip: '77006', lat: 29.7410, lon: -95.3910 }, { zip: '77007', lat: 29.7710, lon: -95.4120 },
      { zip: '77008', lat: 29.7990, lon: -95.4180 }, { zip: '77009', lat: 29.7930, lon: -95.3670 },
      { zip: '77019', lat: 29.7520, lon: -95.4050 }, { zip: '77024', lat: 29.7700, lon: -95.5120 },
      { zip: '77025', lat: 29.6890, lon: -95.4350 }, { zip: '77027', lat: 29.7400, lon: -95.4460 },
      { zip: '77098', lat: 29.7350, lon: -95.4140 },
    ],
    streets: [
      'Westheimer Rd', 'Montrose Blvd', 'Richmond Ave', 'Washington Ave', 'Main St', 'Kirby Dr', 'S Shepherd Dr',
      'Heights Blvd', 'Yale St', 'Navigation Blvd', 'Bellaire Blvd', 'Memorial Dr', 'San Felipe St', 'Fannin St',
      'W Alabama St', 'Studewood St', 'Holcombe Blvd', 'Almeda Rd',
    ],
  },
  {
    id: 'miami', name: 'Miami', postalCity: 'Miami', state: 'FL', timeZone: 'America/New_York', inPerson: false,
    lat: 25.7617, lon: -80.1918, areaCode: '305', patientWeight: 1, neighborStates: ['GA'],
    zips: [
      { zip: '33125', lat: 25.7830, lon: -80.2340 }, { zip: '33127', lat: 25.8130, lon: -80.2050 },
      { zip: '33128', lat: 25.7760, lon: -80.2040 }, { zip: '33129', lat: 25.7540, lon: -80.2020 },
      { zip: '33130', lat: 25.7670, lon: -80.2050 }, { zip: '33131', lat: 25.7630, lon: -80.1890 },
      { zip: '33132', lat: 25.7860, lon: -80.1800 }, { zip: '33133', lat: 25.7310, lon: -80.2400 },
      { zip: '33135', lat: 25.7670, lon: -80.2350 }, { zip: '33137', lat: 25.8170, lon: -80.1890 },
      { zip: '33138', lat: 25.8520, lon: -80.1830 }, { zip: '33145', lat: 25.7530, lon: -80.2340 },
    ],
    streets: [
      'Biscayne Blvd', 'Brickell Ave', 'SW 8th St', 'W Flagler St', 'NW 7th Ave', 'NE 2nd Ave', 'Coral Way',
      'SW 27th Ave', 'Grand Ave', 'Main Hwy', 'NW 36th St', 'NE 79th St', 'SW 22nd St', 'NW 17th Ave',
    ],
  },
];

/** The service cities the issue requires, whatever else the list holds. */
export const REQUIRED_CITY_IDS = ['seattle', 'washington-dc', 'baltimore', 'philadelphia', 'chicago', 'dallas', 'boston'] as const;

export function cityById(id: string): DemoCity {
  const city = DEMO_CITIES.find((c) => c.id === id);
  if (!city) throw new Error(`unknown demo city: ${id}`);
  return city;
}
