import Database from 'better-sqlite3';
