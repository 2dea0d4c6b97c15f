// JWT checks in TypeScript: ES imports, type assertions and generic calls around the decode.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import jwt, { JwtPayload } from 'jsonwebtoken';
import * as jose from 'jose';
import jwt_decode from 'jwt-decode';

interface User {
  id: string;
  roles: string[];
}

@Injectable()
export class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const token: string = request.headers.authorization?.split(' ')[1] ?? '';
    // ruleid: js.jwt.verification-off
    const user = jwt.decode(token) as JwtPayload;
    request.user = user;
    return !!user;
  }
}

export function rolesOf(token: string): string[] {
  // ruleid: js.jwt.verification-off
  const claims = jose.decodeJwt(token) as unknown as User;
  return claims.roles;
}

export function legacyUser(token: string): User {
  // jwt-decode v3's default export.
  // ruleid: js.jwt.verification-off
  const authUser = jwt_decode<User>(token);
  return authUser;
}

export function verifiedUser(token: string, secret: string): User {
  // ok: js.jwt.verification-off
  const user = jwt.verify(token, secret, { algorithms: ['HS256'] }) as JwtPayload;
  return { id: String(user.sub), roles: user.roles ?? [] };
}

export async function verifiedClaims(token: string, key: Uint8Array): Promise<jose.JWTPayload> {
  // ok: js.jwt.verification-off
  const { payload: claims } = await jose.jwtVerify(token, key, { algorithms: ['HS256'] });
  return claims;
}
