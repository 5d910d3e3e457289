/**
 * Types for the part of AgentScript (npm `agentscript`, JavaScript, no types of its own) that
 * the peer uses: Model, its patches and turtles AgentSets, Turtle and Patch.
 */
declare module 'agentscript/dist/agentscript2d.js' {
  export interface Agent {
    id: number;
  }
  export interface Patch extends Agent {
    x: number;
    y: number;
  }
  export interface Turtle extends Agent {
    x: number;
    y: number;
    readonly patch: Patch;
    setxy(x: number, y: number): void;
    die(): void;
  }
  export interface AgentSet<T> {
    readonly length: number;
    [index: number]: T;
    ask(fn: (agent: T, index: number) => void): void;
    with(fn: (agent: T) => boolean): AgentSet<T>;
    createOne(init?: (agent: T) => void): T;
    create(n: number, init?: (agent: T) => void): T[];
    patch(x: number, y: number): T;
    setDefault(name: string, value: unknown): void;
  }
  export interface WorldOptions {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
  }
  export class Model {
    constructor(worldOptions?: WorldOptions);
    patches: AgentSet<Patch>;
    turtles: AgentSet<Turtle>;
    ticks: number;
    setup(): void;
    step(): void;
  }
}
