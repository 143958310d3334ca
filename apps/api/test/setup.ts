// Nest and TypeORM read decorator metadata through reflect-metadata, which main.ts loads in production.
import 'reflect-metadata';
