/**
 * Method names that name an application's own vocabulary (`searchNotes`, `fetch_any`, `readRaw`): a call of one on
 * an object of unknown class (an injected collaborator, `this.repo`, `request.app.state.products`) is taken to be a
 * call of the workspace's method of that name (see `ExportIndex.methodsNamed`). A single word (`find`, `send`,
 * `query`, `read`) is a library's vocabulary as often as an application's: such calls stay unknown.
 */
export function isAppMethodName(name: string): boolean {
  if (name.length < 6 || name.startsWith('_') || COMMON.has(name)) return false;
  // Two words at least: camelCase (`searchNotes`) or snake_case (`by_category`).
  return /^[a-z][a-z0-9]*(?:[A-Z][a-zA-Z0-9]*|_[a-z0-9_]+)$/.test(name);
}

/** Two-word names the platforms' own objects have (strings, collections, streams, the DOM, Node's and Python's libraries). */
const COMMON = new Set([
  'toString', 'toJSON', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLowerCase', 'toUpperCase', 'toFixed', 'toISOString',
  'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'forEach', 'flatMap', 'findIndex', 'findLast', 'localeCompare',
  'padStart', 'padEnd', 'trimStart', 'trimEnd', 'replaceAll', 'charAt', 'charCodeAt', 'fromCharCode', 'codePointAt',
  'addEventListener', 'removeEventListener', 'dispatchEvent', 'getElementById', 'querySelector', 'querySelectorAll',
  'getAttribute', 'setAttribute', 'appendChild', 'removeChild', 'createElement', 'preventDefault', 'stopPropagation',
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'existsSync', 'mkdirSync', 'readdirSync',
  'statSync', 'unlinkSync', 'createReadStream', 'createWriteStream', 'setHeader', 'getHeader', 'removeHeader',
  'writeHead', 'sendFile', 'sendStatus', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'nextTick',
  'getItem', 'setItem', 'removeItem', 'hasOwn', 'fromEntries', 'getTime', 'toDateString', 'toLocaleString',
  'get_json', 'get_data', 'set_cookie', 'delete_cookie', 'fetchone', 'fetchall', 'fetch_one', 'fetch_all', 'fetchmany',
  'to_dict', 'from_dict', 'model_dump', 'model_validate', 'dict_items', 'set_header', 'get_argument', 'get_arguments',
  'get_body_argument', 'get_query_argument', 'get_secure_cookie', 'set_secure_cookie', 'write_message', 'send_message',
  'get_object', 'put_object', 'delete_object', 'list_objects', 'upload_file', 'download_file', 'read_text', 'write_text',
  'read_bytes', 'write_bytes', 'is_file', 'is_dir', 'is_valid', 'is_authenticated', 'has_perm', 'get_or_create',
  'update_or_create', 'bulk_create', 'values_list', 'select_related', 'prefetch_related', 'order_by', 'create_task',
  'run_until_complete', 'add_route', 'add_get', 'add_post', 'url_for', 'make_response', 'render_template', 'send_file',
  'send_from_directory', 'getLogger', 'setLevel', 'add_argument', 'parse_args', 'add_parser', 'add_subparsers',
  // ORMs' and database drivers' (TypeORM, Prisma, Sequelize, Mongoose, the MongoDB drivers, SQLAlchemy, boto3).
  'findOne', 'findMany', 'findFirst', 'findUnique', 'findAll', 'findById', 'findByPk', 'findOrCreate', 'findAndCount',
  'findAndCountAll', 'findByIdAndUpdate', 'findByIdAndDelete', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace',
  'createMany', 'updateMany', 'deleteMany', 'insertOne', 'insertMany', 'updateOne', 'deleteOne', 'replaceOne',
  'countDocuments', 'bulkWrite', 'bulkCreate', 'createQueryBuilder', 'getRepository', 'getMany', 'getOne', 'andWhere',
  'orWhere', 'leftJoin', 'innerJoin', 'orderBy', 'groupBy', 'getCollection', 'filter_by', 'get_or_404', 'first_or_404',
  'one_or_none', 'scalar_one', 'scalar_one_or_none', 'add_all', 'bulk_save_objects', 'insert_one', 'insert_many', 'find_one',
  'update_one', 'update_many', 'delete_one', 'delete_many', 'count_documents', 'find_one_and_update', 'find_one_and_delete',
  'replace_one', 'bulk_write', 'create_index', 'get_collection', 'get_database', 'put_item', 'get_item', 'delete_item',
  'update_item', 'batch_get_item', 'generate_presigned_url', 'raise_for_status', 'iter_content',
]);

/**
 * The names an instance of the class `cls` is held under by convention, as a field, a parameter or a container's
 * registration: `OrderService` -> `orderService`, `order_service`. Only a name of two words or more (`OrderService`,
 * `ApiClient`): a one-word class (`Client`, `Request`) shares its name with the libraries' objects.
 */
export function collaboratorNames(cls: string): string[] {
  const words = classWords(cls);
  if (words.length < 2) return [];
  return [words[0]!.toLowerCase() + cls.slice(words[0]!.length), words.map((w) => w.toLowerCase()).join('_')];
}

/**
 * A class's role: its last word (`repository` of `OrderRepository`), for a name of two words or more, unless the
 * frameworks' own objects go by it (`request`, `context`, `app`). See `uniqueRoleClasses`.
 */
export function roleOf(cls: string): string | undefined {
  const words = classWords(cls);
  const role = words.length >= 2 ? words[words.length - 1]!.toLowerCase() : undefined;
  return role !== undefined && role.length >= 4 && !FRAMEWORK_ROLES.has(role) ? role : undefined;
}

/** A class name's words (`OrderService` -> Order, Service); none for a name not written so. */
function classWords(cls: string): string[] {
  return /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$/.test(cls) ? cls.match(/[A-Z][a-z0-9]+/g)! : [];
}

/** Role words that name a framework's objects as often as an application's class (`request`, `context`). */
const FRAMEWORK_ROLES = new Set(['request', 'response', 'context', 'app', 'application', 'handler', 'error', 'event', 'next', 'router', 'server']);

/**
 * Of `classes` (every class the workspace's files define), those alone in their role (`roleOf`): `OrderRepository`
 * when no other class ends in `Repository`. An instance of it is held under the role's name too (`this.repository`,
 * `repository`): a workspace with two repositories leaves the name unknown. Only the import graph, which reads every
 * file, can tell; it passes the role to the class's file as a called name (`ROLE_CALLED`), whose summary then lists
 * the role as a registry entry of the class (`ExportSummary.heldClass`).
 */
export function uniqueRoleClasses(classes: Iterable<string>): Map<string, string> {
  const byRole = new Map<string, string[]>();
  for (const cls of classes) {
    const role = roleOf(cls);
    if (role !== undefined) byRole.set(role, [...(byRole.get(role) ?? []), cls]);
  }
  return new Map([...byRole].filter(([, l]) => l.length === 1).map(([role, l]) => [l[0]!, role]));
}

/** The prefix of a called name (`ImportedFile.called`) that gives a class's unique role (see `uniqueRoleClasses`). */
export const ROLE_CALLED = '\u0005role:';
