import { z } from 'zod';

/** Settings read from the environment once, validated, with the defaults of a local install. */
const Settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Limits, logs and browser security; README "Limits, logs and browser security" says what each does.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin), {
      message: 'must be a comma-separated list of origins such as https://council.example (scheme, host and port only)',
    }),
  FAILED_SIGN_IN_LIMIT: z.coerce.number().int().min(0).default(30),
  WRITE_LIMIT: z.coerce.number().int().min(0).default(120),
  QUERY_COST_BUDGET: z.coerce.number().int().min(0).default(120_000),
  DB_SESSIONS_PER_REQUEST: z.coerce.number().int().min(1).max(100).default(4),
  // Answers to anonymous reads, kept until the graph changes (README "Response cache").
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(4_096).default(64),
  // Unset: info, or warn under NODE_ENV=test, where a line a request would bury the test output.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).optional(),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'must start with neo4j://, bolt://, neo4j+s:// or bolt+s://')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_BOLT_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  AUTH_TOKENS: z.string().optional(),
  // Reads are public unless this is set; then every API request needs a recognised identity.
  REQUIRE_SIGN_IN: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  // Sign-in with an OpenID Connect identity provider; checked further by auth/oidc.ts.
  OIDC_ISSUER: z.url({ message: 'must be the identity provider’s issuer URL' }).optional(),
  OIDC_AUDIENCE: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SCOPES: z.string().optional(),
  OIDC_ROLE_CLAIM: z.string().optional(),
  OIDC_ROLES: z.string().optional(),
  OIDC_SCOPE_CLAIM: z.string().optional(),
  OIDC_JWKS_COOLDOWN_SECONDS: z.coerce.number().min(0).optional(),
});

export type Settings = z.infer<typeof Settings>;

/** Reads settings from `env`, failing with the name of the variable at fault. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}
