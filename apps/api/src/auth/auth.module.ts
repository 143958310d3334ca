import { Module } from '@nestjs/common';

// Filled in by the access-control work: users, login, JWT, API keys and the global roles guard.
@Module({})
export class AuthModule {}
