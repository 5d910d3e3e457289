import { t } from '../i18n';
import type { CountySpec, Terrain } from '../scenario/types';

/** Defaults of county attributes by terrain; a scenario's county overrides any of them. */
export const TERRAIN_DEFAULTS: Record<Terrain, Required<Omit<CountySpec, 'id' | 'name' | 'terrain' | 'households' | 'hex'>>> = {
  // Deep-poverty mountain counties: thin soils, steep slopes, poor roads, few posts filled.
  mountain: { villages: 12, ecoCapacity: 0.42, transport: 0.25, irrigation: 0.2, water: 0.35, humanCapital: 0.34,
    assets: 9000, land: 5.5, capitalPerResident: 5000, postFill: 0.72, relief: 900 },
  hill: { villages: 12, ecoCapacity: 0.62, transport: 0.45, irrigation: 0.4, water: 0.55, humanCapital: 0.45,
    assets: 11000, land: 5.5, capitalPerResident: 12000, postFill: 0.84, relief: 400 },
  plain: { villages: 12, ecoCapacity: 0.8, transport: 0.65, irrigation: 0.6, water: 0.7, humanCapital: 0.48,
    assets: 12000, land: 5, capitalPerResident: 16000, postFill: 0.93, relief: 80 },
};

const county = (id: string, zh: string, en: string, terrain: Terrain, households: number, hex: [number, number],
  extra: Partial<CountySpec> = {}): CountySpec => ({ id, name: t(zh, en), terrain, households, hex, ...extra });

/**
 * The default region: a stylised prefecture of twelve counties. Four deep-poverty mountain
 * counties in the west, four hill counties, four plain counties around the prefecture seat.
 */
export const DEFAULT_REGION: CountySpec[] = [
  county('yunling', '云岭县', 'Yunling', 'mountain', 42000, [0, 0], { ecoCapacity: 0.36, transport: 0.2 }),
  county('shimen', '石门县', 'Shimen', 'mountain', 48000, [0, 1]),
  county('gaoyan', '高岩县', 'Gaoyan', 'mountain', 38000, [0, 2], { ecoCapacity: 0.38, relief: 1100 }),
  county('xueshan', '雪山县', 'Xueshan', 'mountain', 36000, [1, 0], { ecoCapacity: 0.4, humanCapital: 0.28 }),
  county('qingxi', '青溪县', 'Qingxi', 'hill', 62000, [1, 1]),
  county('songping', '松坪县', 'Songping', 'hill', 58000, [1, 2]),
  county('taoyuan', '桃源县', 'Taoyuan', 'hill', 66000, [2, 0]),
  county('baisha', '白沙县', 'Baisha', 'hill', 60000, [2, 1], { ecoCapacity: 0.58 }),
  county('chuanping', '川平县', 'Chuanping', 'plain', 88000, [2, 2]),
  county('hekou', '河口县', 'Hekou', 'plain', 96000, [3, 0]),
  county('donghu', '东湖县', 'Donghu', 'plain', 92000, [3, 1]),
  county('chengguan', '城关区', 'Chengguan', 'plain', 104000, [3, 2], { capitalPerResident: 34000, transport: 0.8 }),
];

/**
 * A region shaped like rural China as a whole in 2012, for calibrating the campaign against the
 * national poverty path: most rural people in plain and hill counties, a minority in
 * deep-poverty mountain counties (the 832 poverty counties held about a quarter of rural people).
 */
export const CHINA_REGION: CountySpec[] = [
  county('west-mountain-1', '西部山区一', 'West mountain 1', 'mountain', 45000, [0, 0], { ecoCapacity: 0.5, humanCapital: 0.43, assets: 16000, land: 6.5 }),
  county('west-mountain-2', '西部山区二', 'West mountain 2', 'mountain', 45000, [0, 1], { ecoCapacity: 0.52, humanCapital: 0.44, assets: 16000, land: 6.5 }),
  county('central-mountain', '中部山区', 'Central mountain', 'mountain', 45000, [1, 0],
    { ecoCapacity: 0.55, transport: 0.35, humanCapital: 0.46, assets: 17000, land: 6.5 }),
  county('west-hill', '西部丘陵', 'West hill', 'hill', 70000, [1, 1], { ecoCapacity: 0.6, humanCapital: 0.5, assets: 18000 }),
  county('central-hill-1', '中部丘陵一', 'Central hill 1', 'hill', 70000, [2, 0], { humanCapital: 0.52, assets: 19000 }),
  county('central-hill-2', '中部丘陵二', 'Central hill 2', 'hill', 70000, [2, 1], { humanCapital: 0.52, assets: 19000 }),
  county('central-plain', '中部平原', 'Central plain', 'plain', 130000, [3, 0], { humanCapital: 0.52, assets: 18000, capitalPerResident: 22000 }),
  county('east-plain-1', '东部平原一', 'East plain 1', 'plain', 130000, [3, 1], { humanCapital: 0.56, assets: 22000, capitalPerResident: 30000 }),
  county('east-plain-2', '东部平原二', 'East plain 2', 'plain', 130000, [4, 0], { humanCapital: 0.6, assets: 24000, capitalPerResident: 34000 }),
  county('northeast-plain', '东北平原', 'Northeast plain', 'plain', 130000, [4, 1], { land: 9, humanCapital: 0.54, assets: 20000, capitalPerResident: 24000 }),
];

export const REGION_PRESETS: Record<string, { label: ReturnType<typeof t>; counties: CountySpec[] }> = {
  default: { label: t('默认地区：十二县', 'Default region: twelve counties'), counties: DEFAULT_REGION },
  china: { label: t('全国农村缩影', 'Rural China in miniature'), counties: CHINA_REGION },
};
